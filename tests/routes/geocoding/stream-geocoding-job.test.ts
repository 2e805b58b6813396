import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, unknownId } from "../records/record-test-helpers.ts";
import { addressRecordset, runGeocoding, startGeocoding } from "./geocoding-test-helpers.ts";

// GET /api/v1/recordsets/geocode/jobs/{job_id}/stream (streamGeocodingJob, SSE, no workspace header)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const stream = (id: string, headers: Record<string, string> = t.as(ws.owner)) => t.request(`/api/v1/recordsets/geocode/jobs/${id}/stream`, { headers });

type SseMessage = { event: string; data: { id: string; status: string; progress: { processed: number; imported: number; rejected: number; percent: number } } };

/** Reads SSE messages from `res` (comments skipped) until the stream ends or `until` says stop. */
async function readEvents(res: Response, until: (m: SseMessage) => boolean = () => false): Promise<SseMessage[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: SseMessage[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return messages;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event: "))?.slice(7);
      const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
      if (!event) continue;
      const message = { event, data: JSON.parse(data) } as SseMessage;
      messages.push(message);
      if (until(message)) {
        await reader.cancel();
        return messages;
      }
    }
  }
}

describe("streamGeocodingJob: happy", () => {
  it("sends the current state first, then the final event, and closes", async () => {
    const jobId = await startGeocoding(t, ws, await addressRecordset(t, ws));
    const res = await stream(jobId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = readEvents(res);
    // Let the stream send the pending state before the job runs.
    await new Promise((r) => setTimeout(r, 200));
    await runGeocoding(t, jobId);
    const messages = await events;
    expect(messages[0]).toMatchObject({ event: "progress", data: { id: jobId, status: "pending" } });
    expect(messages.at(-1)).toMatchObject({ event: "completed", data: { status: "completed", progress: { processed: 3, imported: 2, rejected: 1, percent: 100 } } });
  });

  it("gives a late subscriber the final state at once", async () => {
    const jobId = await startGeocoding(t, ws, await addressRecordset(t, ws));
    await runGeocoding(t, jobId);
    const messages = await readEvents(await stream(jobId));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ event: "completed", data: { status: "completed" } });
  });

  it("ends with a cancelled event when the job is cancelled", async () => {
    const jobId = await startGeocoding(t, ws, await addressRecordset(t, ws));
    const events = readEvents(await stream(jobId));
    await new Promise((r) => setTimeout(r, 200));
    await t.services.jobs.cancel(jobId);
    const messages = await events;
    expect(messages.at(-1)).toMatchObject({ event: "cancelled", data: { status: "cancelled" } });
  });

  it("works for any member of the job's workspace", async () => {
    const jobId = await startGeocoding(t, ws, await addressRecordset(t, ws));
    const viewer = await t.addMember(ws, "viewer");
    const messages = await readEvents(await stream(jobId, t.as(viewer)), () => true);
    expect(messages[0]).toMatchObject({ event: "progress", data: { id: jobId } });
  });
});

describe("streamGeocodingJob: error", () => {
  it("answers 404 for an unknown or malformed id, and for another kind of job", async () => {
    await expectProblem(await stream(unknownId), 404);
    await expectProblem(await stream("nope"), 404);
    const exportJob = await t.services.jobs.enqueue({ type: "recordsets.export", workspaceId: ws.id, payload: {} });
    await expectProblem(await stream(exportJob.id), 404);
  });
});

describe("streamGeocodingJob: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await stream(unknownId, {})).status).toBe(401);
  });

  // No role lacks the permission to watch a job of one's workspace (so no 403); anyone else gets 404.
  it("answers 404 to a user outside the job's workspace", async () => {
    const jobId = await startGeocoding(t, ws, await addressRecordset(t, ws));
    const other = await t.createWorkspace();
    await expectProblem(await stream(jobId, t.as(other.owner)), 404);
    await expectProblem(await stream(jobId, t.as(other.owner, ws)), 404);
  });
});
