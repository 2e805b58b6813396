import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecords } from "../recordsets/recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId } from "../recordsets/recordset-test-helpers.ts";

// DELETE /api/v1/crud/recordsets/{recordset_id} (crudDeleteRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const remove = (id: string, headers: Record<string, string>) => t.request(`/api/v1/crud/recordsets/${id}`, { method: "DELETE", headers });

describe("crudDeleteRecordset: happy", () => {
  it("moves the recordset and its records to the trash, from where it can be restored", async () => {
    const rs = await makeRecordset(t, ws);
    await addRecords(t, ws, rs.id, [{ name: "A" }]);
    const res = await remove(rs.id, t.as(ws.owner, ws));
    expect(res.status).toBe(204);
    expect((await t.request(`/api/v1/crud/recordsets/${rs.id}`, { headers: t.as(ws.owner, ws) })).status).toBe(404);
    const trash = await (await t.request(`/api/v1/recordsets/trash?search=${rs.slug}`, { headers: t.as(ws.owner, ws) })).json();
    expect(trash.items.map((r: { id: string }) => r.id)).toEqual([rs.id]);
    const restored = await t.request(`/api/v1/recordsets/trash/${rs.slug}/restore`, { method: "POST", headers: t.as(ws.owner, ws) });
    expect(await restored.json()).toMatchObject({ id: rs.id, record_count: 1 });
  });
});

describe("crudDeleteRecordset: error", () => {
  it("answers 422 for a bad id, 404 for an unknown or already deleted one", async () => {
    const bad = await remove("nope", t.as(ws.owner, ws));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    const rs = await makeRecordset(t, ws);
    await remove(rs.id, t.as(ws.owner, ws));
    expect((await remove(rs.id, t.as(ws.owner, ws))).status).toBe(404);
    expect((await remove(unknownId, t.as(ws.owner, ws))).status).toBe(404);
  });
});

describe("crudDeleteRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await remove(rs.id, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    expect((await remove(foreign.id, t.as(ws.owner, ws))).status).toBe(404);
  });

  it("answers 403 without can_admin", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view", "can_delete"] });
    expect((await remove(rs.id, t.as(member, ws))).status).toBe(403);
  });
});
