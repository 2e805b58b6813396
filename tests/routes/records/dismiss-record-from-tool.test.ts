import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// POST /api/v1/records/{record_id}/dismiss?tool=... (dismissRecordFromTool)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const dismiss = (id: string, tool: string | null, headers = t.as(f.ws.owner, f.ws)) =>
  t.request(`/api/v1/records/${id}/dismiss${tool === null ? "" : `?tool=${tool}`}`, { method: "POST", headers });
const inTool = (extra: Record<string, unknown> = {}) => makeRecord(t, f.ws, f.recordset.id, {}, f.ws.owner, { tool_statuses: { prospecting: "recommended", mailer: "queued" }, ...extra });

describe("dismissRecordFromTool: happy", () => {
  it("clears the tool's status, keeps the record and its other tools", async () => {
    const rec = await inTool();
    const res = await dismiss(rec.id, "prospecting");
    expect(res.status).toBe(200);
    expect((await res.json()).tool_statuses).toEqual({ mailer: "queued" });
    const listed = await (await t.request(`/api/v1/records?recordset_id=${f.recordset.id}&tool=prospecting`, { headers: t.as(f.ws.owner, f.ws) })).json();
    expect(listed.items.map((r: { id: string }) => r.id)).not.toContain(rec.id);
    expect((await t.request(`/api/v1/records/${rec.id}`, { headers: t.as(f.ws.owner, f.ws) })).status).toBe(200);
  });
});

describe("dismissRecordFromTool: error", () => {
  it("answers 422 without tool, 404 for an unknown record", async () => {
    await expectProblem(await dismiss(f.record.id, null), 422);
    await expectProblem(await dismiss(unknownId, "prospecting"), 404);
  });
});

describe("dismissRecordFromTool: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await dismiss(f.record.id, "prospecting", { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await dismiss(other.record.id, "prospecting"), 404);
  });

  it("answers 403 without can_edit", async () => {
    const rec = await inTool();
    const user = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    await expectProblem(await dismiss(rec.id, "prospecting", t.as(user, f.ws)), 403);
  });
});
