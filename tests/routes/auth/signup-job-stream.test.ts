import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, GOOD_PASSWORD } from "./account-test-helpers.ts";
import { readSseData, seedInvite, startSignupWorker, userByEmail } from "./signup-test-helpers.ts";

// GET /api/v1/auth/signup/jobs/{job_id}/stream (streamSignupJob)
let t: TestApp;
let worker: { stop(): Promise<void> };
beforeAll(async () => {
  t = await sharedTestApp();
  worker = await startSignupWorker(t);
});
afterAll(async () => {
  await worker.stop();
});

async function startSignup(inviteOptions: { plan?: string } = {}): Promise<{ jobId: string; email: string; companyName: string }> {
  const { invite, inviteCode } = await seedInvite(t, inviteOptions);
  const res = await t.request("/api/v1/auth/signup/stripe-invite/async", {
    method: "POST",
    json: { invite_code: inviteCode, email: invite.email, name: "Ada", password: GOOD_PASSWORD },
  });
  expect(res.status).toBe(200);
  return { jobId: (await res.json()).job_id, email: invite.email, companyName: invite.companyName };
}

const stream = (jobId: string) => t.request(`/api/v1/auth/signup/jobs/${jobId}/stream`);
const ended = (e: Record<string, unknown>) => e.status === "COMPLETED" || e.status === "FAILED";

describe("streamSignupJob: happy", () => {
  it("streams RUNNING progress then COMPLETED with tokens and the workspace", async () => {
    const { jobId, companyName } = await startSignup();
    const res = await stream(jobId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = await readSseData(res, ended);
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      job_id: jobId,
      status: "COMPLETED",
      progress: 100,
      workspace_name: companyName,
      result: { message: "Workspace ready" },
      access_token: expect.any(String),
      refresh_token: expect.any(String),
    });
    for (const e of events.slice(0, -1)) {
      expect(e.status).toBe("RUNNING");
      expect(e.progress).toBeGreaterThanOrEqual(0);
      expect(e.progress).toBeLessThanOrEqual(100);
    }
    const me = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${last.access_token}` } });
    expect(me.status).toBe(200);
    const ws = await t.request("/api/v1/api-keys/count", {
      headers: { authorization: `Bearer ${last.access_token}`, "x-workspace-id": String(last.workspace_id) },
    });
    expect(ws.status).toBe(200);
  });
});

describe("streamSignupJob: error", () => {
  it("answers 422 for a job id that is not a uuid", async () => {
    await expectProblem(await stream("not-a-uuid"), 422);
  });

  it("reports FAILED when provisioning fails, and undoes the user and the invite claim", async () => {
    // The invite's plan is unknown to billing: provisioning fails at its billing step, in the job.
    const { jobId, email } = await startSignup({ plan: "no-such-plan" });
    const events = await readSseData(await stream(jobId), ended);
    expect(events.at(-1)).toMatchObject({ status: "FAILED", result: { message: expect.any(String) } });
    expect(events.at(-1)).not.toHaveProperty("access_token");
    expect(await userByEmail(t, email)).toBeUndefined();
    const invite = await t.database.db.selectFrom("stripe_payment_invites").select("used_at").where("email", "=", email).executeTakeFirstOrThrow();
    expect(invite.used_at).toBeNull();
  });
});

describe("streamSignupJob: security", () => {
  it("answers 404 for an unknown job id and for a job of another type", async () => {
    await expectProblem(await stream(newId()), 404);
    const other = await t.services.jobs.enqueue({ type: "tests.other", runAt: new Date(Date.now() + 3_600_000) });
    await expectProblem(await stream(other.id), 404);
    await t.services.jobs.cancel(other.id);
  });

  it("hands out the tokens only once: a second stream gets the workspace but no tokens", async () => {
    const { jobId } = await startSignup();
    const first = await readSseData(await stream(jobId), ended);
    expect(first.at(-1)).toHaveProperty("access_token");
    const second = await readSseData(await stream(jobId), ended);
    expect(second.at(-1)).toMatchObject({ status: "COMPLETED", workspace_id: first.at(-1)!.workspace_id });
    expect(second.at(-1)).not.toHaveProperty("access_token");
    expect(second.at(-1)).not.toHaveProperty("refresh_token");
  });
});
