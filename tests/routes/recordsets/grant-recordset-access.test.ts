import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addToTeam, createTeam } from "../teams/team-test-helpers.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId } from "./recordset-test-helpers.ts";

// POST /api/v1/recordsets/{recordset_slug}/access (grantRecordsetAccess)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const post = (slug: string, headers: Record<string, string>, json: unknown) => t.request(`/api/v1/recordsets/${slug}/access`, { method: "POST", headers, json });
const mine = async (slug: string, user: Parameters<TestApp["as"]>[0]) => (await t.request(`/api/v1/recordsets/${slug}/permissions/me`, { headers: t.as(user, ws) })).json();

describe("grantRecordsetAccess: happy", () => {
  it("grants a member view only by default, and the member can then see the recordset", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    expect((await mine(rs.slug, member)).can_view).toBe(false);
    const res = await post(rs.slug, t.as(ws.owner, ws), { member_id: member.id });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ recordset_id: rs.id, member_id: member.id, team_id: null, can_view: true, can_create: false, can_edit: false, can_admin: false, granted_by: ws.owner.id });
    expect(await mine(rs.slug, member)).toMatchObject({ can_view: true, can_edit: false });
    // The member is told, through the event recorded with the grant.
    await t.services.notificationFanout.settled();
    const inbox = (await (await t.request("/api/v1/notifications/inbox", { headers: t.as(member, ws) })).json()) as { items: Array<{ title: string }> };
    expect(inbox.items.map((n) => n.title)).toContain(`Recordset shared with you: ${rs.name}`);
  });

  it("grants a team (write flags imply view) and replaces an earlier grant of the same team", async () => {
    const rs = await makeRecordset(t, ws);
    const team = await createTeam(t, ws);
    const member = await t.addMember(ws, "member");
    await addToTeam(t, ws, team.id, member.id);
    const first = await (await post(rs.slug, t.as(ws.owner, ws), { team_id: team.id, can_view: false, can_edit: true })).json();
    expect(first).toMatchObject({ team_id: team.id, can_view: true, can_edit: true });
    expect(await mine(rs.slug, member)).toMatchObject({ can_view: true, can_edit: true, can_delete: false });
    expect((await post(rs.slug, t.as(ws.owner, ws), { team_id: team.id, can_create: true })).status).toBe(201);
    const grants = await (await t.request(`/api/v1/recordsets/${rs.slug}/access`, { headers: t.as(ws.owner, ws) })).json();
    expect(grants.total).toBe(1);
    expect(grants.items[0]).toMatchObject({ team_id: team.id, can_create: true, can_edit: false });
  });
});

describe("grantRecordsetAccess: error", () => {
  it.each([
    ["neither member nor team", {}],
    ["both member and team", { member_id: unknownId, team_id: unknownId }],
    ["a malformed id", { member_id: "nope" }],
    ["a non-boolean flag", { member_id: unknownId, can_edit: "yes" }],
  ])("answers 422 problem+json for %s", async (_, json) => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await post(rs.slug, t.as(ws.owner, ws), json), 422);
  });

  it("answers 404 for an unknown member, team or recordset", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await expectProblem(await post(rs.slug, t.as(ws.owner, ws), { member_id: unknownId }), 404)).code).toBe("not_found");
    await expectProblem(await post(rs.slug, t.as(ws.owner, ws), { team_id: unknownId }), 404);
    await expectProblem(await post("no-such-recordset", t.as(ws.owner, ws), { member_id: ws.owner.id }), 404);
  });

  it("answers 422 for a deactivated member", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await t.database.db.updateTable("workspace_members").set({ status: "inactive" }).where("workspace_id", "=", ws.id).where("user_id", "=", member.id).execute();
    const problem = await expectProblem(await post(rs.slug, t.as(ws.owner, ws), { member_id: member.id }), 422);
    expect(problem.errors?.[0]?.field).toBe("member_id");
  });
});

describe("grantRecordsetAccess: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await post(rs.slug, { "x-workspace-id": ws.id }, { member_id: ws.owner.id }), 401);
  });

  it("answers 404 for another workspace's recordset or member", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    const rs = await makeRecordset(t, ws);
    await expectProblem(await post(foreign.slug, t.as(ws.owner, ws), { member_id: ws.owner.id }), 404);
    await expectProblem(await post(rs.slug, t.as(ws.owner, ws), { member_id: other.owner.id }), 404);
  });

  it("needs can_admin: 403 for an editor and a viewer, 201 for a member granted can_admin", async () => {
    const rs = await makeRecordset(t, ws);
    const editor = await t.addMember(ws, "member");
    const viewer = await t.addMember(ws, "viewer");
    const manager = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: editor.id, flags: ["can_view", "can_edit"] });
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_admin"] });
    await grant(t, ws, rs.slug, { member_id: manager.id, flags: ["can_admin"] });
    await expectProblem(await post(rs.slug, t.as(editor, ws), { member_id: editor.id, can_admin: true }), 403);
    await expectProblem(await post(rs.slug, t.as(viewer, ws), { member_id: viewer.id }), 403);
    expect((await post(rs.slug, t.as(manager, ws), { member_id: editor.id, can_delete: true })).status).toBe(201);
  });
});
