import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset } from "./recordset-test-helpers.ts";

// GET /api/v1/recordsets/{recordset_slug}/permissions/me (getMyRecordsetPermissions)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const me = (slug: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/${slug}/permissions/me`, { headers });
const all = { can_view: true, can_create: true, can_edit: true, can_edit_own: true, can_delete: true, can_delete_own: true, can_admin: true };
const none = { can_view: false, can_create: false, can_edit: false, can_edit_own: false, can_delete: false, can_delete_own: false, can_admin: false };

describe("getMyRecordsetPermissions: happy", () => {
  it("gives owners, admins and the creator every flag", async () => {
    const creator = await t.addMember(ws, "member");
    const rs = await makeRecordset(t, ws, undefined, {}, creator);
    const admin = await t.addMember(ws, "admin");
    for (const user of [ws.owner, admin, creator]) {
      const res = await me(rs.slug, t.as(user, ws));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ recordset_id: rs.id, recordset_slug: rs.slug, ...all });
    }
  });

  it("answers all false without a grant, and the granted flags with one", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    expect(await (await me(rs.slug, t.as(member, ws))).json()).toMatchObject(none);
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view", "can_create", "can_edit_own"] });
    expect(await (await me(rs.slug, t.as(member, ws))).json()).toMatchObject({ ...none, can_view: true, can_create: true, can_edit_own: true });
  });

  it("caps a viewer at can_view whatever the grant says", async () => {
    const rs = await makeRecordset(t, ws);
    const viewer = await t.addMember(ws, "viewer");
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_view", "can_edit", "can_admin"] });
    expect(await (await me(rs.slug, t.as(viewer, ws))).json()).toMatchObject({ ...none, can_view: true });
  });
});

describe("getMyRecordsetPermissions: error", () => {
  it("answers 404 for an unknown slug and 422 for an overlong one", async () => {
    await expectProblem(await me("no-such-recordset", t.as(ws.owner, ws)), 404);
    await expectProblem(await me("x".repeat(200), t.as(ws.owner, ws)), 422);
  });
});

describe("getMyRecordsetPermissions: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await me(rs.slug, { "x-workspace-id": ws.id }), 401);
  });

  it("answers 404 for another workspace's recordset, and for a workspace one is not a member of", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    await expectProblem(await me(foreign.slug, t.as(ws.owner, ws)), 404);
    await expectProblem(await me(foreign.slug, t.as(ws.owner, other)), 404);
  });

  it("needs no recordset permission: a member without any grant still gets 200", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await me(rs.slug, t.as(await t.addMember(ws, "viewer"), ws))).status).toBe(200);
  });
});
