import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// DELETE /api/v1/records/{record_id} (deleteRecord): soft delete
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const remove = (id: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/records/${id}`, { method: "DELETE", headers });

describe("deleteRecord: happy", () => {
  it("soft-deletes: 204, then 404, listed only with status=deleted, history kept", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id);
    const res = await remove(rec.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await t.request(`/api/v1/records/${rec.id}`, { headers: t.as(f.ws.owner, f.ws) })).status).toBe(404);
    const deleted = await (await t.request(`/api/v1/records?recordset_id=${f.recordset.id}&status=deleted`, { headers: t.as(f.ws.owner, f.ws) })).json();
    expect(deleted.items.map((r: { id: string }) => r.id)).toContain(rec.id);
    expect(deleted.items[0]).toMatchObject({ status: "deleted", is_latest: false });
  });
});

describe("deleteRecord: error", () => {
  it("answers 422 for a malformed id, 404 for unknown or already deleted", async () => {
    await expectProblem(await remove("x"), 422);
    await expectProblem(await remove(unknownId), 404);
    const rec = await makeRecord(t, f.ws, f.recordset.id);
    await remove(rec.id);
    await expectProblem(await remove(rec.id), 404);
  });
});

describe("deleteRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await remove(f.record.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await remove(other.record.id), 404);
  });

  it("can_delete_own deletes one's own records only", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_create", "can_delete_own"]);
    const mine = await makeRecord(t, f.ws, f.recordset.id, {}, user);
    await expectProblem(await remove(f.record.id, t.as(user, f.ws)), 403);
    expect((await remove(mine.id, t.as(user, f.ws))).status).toBe(204);
  });
});
