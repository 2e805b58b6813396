import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// POST /api/v1/records/{record_id}/history/{history_id}/restore (restoreRecordVersion)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const restore = (id: string, historyId: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/records/${id}/history/${historyId}/restore`, { method: "POST", headers });
const firstVersionId = async (recordId: string): Promise<string> => {
  const body = await (await t.request(`/api/v1/records/${recordId}/history`, { headers: t.as(f.ws.owner, f.ws) })).json();
  return body.items.find((v: { version: number }) => v.version === 1).id;
};

describe("restoreRecordVersion: happy", () => {
  it("brings back an old version's values as a new version, keeping the history", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id, { price: 1 });
    await t.request(`/api/v1/records/${rec.id}`, { method: "PUT", headers: t.as(f.ws.owner, f.ws), json: { field_values: { price: 2, stage: "won" } } });
    const res = await restore(rec.id, await firstVersionId(rec.id));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toBe(3);
    expect(body.field_values).toEqual(rec.field_values);
    const hist = await (await t.request(`/api/v1/records/${rec.id}/history`, { headers: t.as(f.ws.owner, f.ws) })).json();
    expect(hist.items[0]).toMatchObject({ version: 3, change_type: "restored", restored_from: 1 });
    expect(hist.total).toBe(3);
  });
});

describe("restoreRecordVersion: error", () => {
  it("answers 404 for an unknown history entry or one of another record, 422 for a malformed id", async () => {
    await expectProblem(await restore(f.record.id, unknownId), 404);
    const other = await makeRecord(t, f.ws, f.recordset.id);
    await expectProblem(await restore(f.record.id, await firstVersionId(other.id)), 404);
    await expectProblem(await restore(f.record.id, "x"), 422);
  });
});

describe("restoreRecordVersion: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await restore(f.record.id, unknownId, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await restore(other.record.id, unknownId), 404);
  });

  it("answers 403 without can_edit", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    await expectProblem(await restore(f.record.id, await firstVersionId(f.record.id), t.as(user, f.ws)), 403);
  });
});
