import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "../records/record-test-helpers.ts";

// DELETE /api/v1/crud/records/{record_id} (crudDeleteRecord): soft delete
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const remove = (id: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/crud/records/${id}`, { method: "DELETE", headers });

describe("crudDeleteRecord: happy", () => {
  it("soft-deletes: status deleted, is_latest false, row kept", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id);
    expect((await remove(rec.id)).status).toBe(204);
    expect((await t.request(`/api/v1/crud/records/${rec.id}`, { headers: t.as(f.ws.owner, f.ws) })).status).toBe(404);
    const kept = await t.services.records.find({ id: f.ws.id, schemaName: f.ws.schemaName }, rec.id, { includeDeleted: true });
    expect(kept).toMatchObject({ status: "deleted" });
    const listed = await (await t.request(`/api/v1/crud/records?recordset_id=${f.recordset.id}&status=deleted`, { headers: t.as(f.ws.owner, f.ws) })).json();
    expect(listed.items.find((r: { id: string }) => r.id === rec.id)).toMatchObject({ is_latest: false });
  });
});

describe("crudDeleteRecord: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    await expectProblem(await remove("x"), 422);
    await expectProblem(await remove(unknownId), 404);
  });
});

describe("crudDeleteRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await remove(f.record.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await remove(other.record.id), 404);
  });

  it("answers 403 without can_delete", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_view", "can_edit"]);
    await expectProblem(await remove(f.record.id, t.as(user, f.ws)), 403);
  });
});
