import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecords } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset } from "./recordset-test-helpers.ts";

// DELETE /api/v1/recordsets/{recordset_slug} (softDeleteRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const remove = (slug: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/${slug}`, { method: "DELETE", headers });

describe("softDeleteRecordset: happy", () => {
  it("moves the recordset to the trash with its records kept", async () => {
    const rs = await makeRecordset(t, ws);
    const [id] = await addRecords(t, ws, rs.id, [{ name: "Kept" }]);
    const res = await remove(rs.slug, t.as(ws.owner, ws));
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await t.request(`/api/v1/recordsets/${rs.slug}`, { headers: t.as(ws.owner, ws) })).status).toBe(404);
    const trash = await (await t.request(`/api/v1/recordsets/trash?search=${rs.slug}`, { headers: t.as(ws.owner, ws) })).json();
    expect(trash.items).toEqual([expect.objectContaining({ id: rs.id, is_active: false, record_count: 1, deleted_at: expect.any(String) })]);
    expect(await t.services.records.find({ id: ws.id, schemaName: ws.schemaName }, id!)).not.toBeNull();
  });

  it("lets a member who created the recordset trash it", async () => {
    const member = await t.addMember(ws, "member");
    const rs = await makeRecordset(t, ws, [], {}, member);
    expect((await remove(rs.slug, t.as(member, ws))).status).toBe(204);
  });
});

describe("softDeleteRecordset: error", () => {
  it("answers 404 problem+json for an unknown slug and for one already in the trash", async () => {
    const rs = await makeRecordset(t, ws);
    await remove(rs.slug, t.as(ws.owner, ws));
    for (const slug of [rs.slug, "no-such-recordset"]) {
      const res = await remove(slug, t.as(ws.owner, ws));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });
});

describe("softDeleteRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await remove(rs.slug, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other, [], { name: `Foreign ${crypto.randomUUID().slice(0, 6)}` });
    expect((await remove(foreign.slug, t.as(ws.owner, ws))).status).toBe(404);
  });

  it("answers 403 without can_admin (can_delete is for records)", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view", "can_delete"] });
    expect((await remove(rs.slug, t.as(member, ws))).status).toBe(403);
    const viewer = await t.addMember(ws, "viewer");
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_admin"] });
    expect((await remove(rs.slug, t.as(viewer, ws))).status).toBe(403);
  });
});
