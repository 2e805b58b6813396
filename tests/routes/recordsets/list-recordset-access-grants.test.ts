import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createTeam } from "../teams/team-test-helpers.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset } from "./recordset-test-helpers.ts";

// GET /api/v1/recordsets/{recordset_slug}/access (listRecordsetAccessGrants)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const list = (slug: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/${slug}/access`, { headers });

describe("listRecordsetAccessGrants: happy", () => {
  it("lists member and team grants with their flags", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    const team = await createTeam(t, ws);
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view", "can_edit"] });
    await grant(t, ws, rs.slug, { team_id: team.id, flags: ["can_view"] });
    const res = await list(rs.slug, t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recordset_id: rs.id, member_id: member.id, team_id: null, can_view: true, can_edit: true, can_admin: false }),
        expect.objectContaining({ recordset_id: rs.id, member_id: null, team_id: team.id, can_view: true, can_edit: false }),
      ]),
    );
  });

  it("lists nothing for a recordset without grants", async () => {
    const rs = await makeRecordset(t, ws);
    expect(await (await list(rs.slug, t.as(ws.owner, ws))).json()).toEqual({ items: [], total: 0 });
  });
});

describe("listRecordsetAccessGrants: error", () => {
  it("answers 404 for an unknown slug and 422 for an overlong one", async () => {
    await expectProblem(await list("no-such-recordset", t.as(ws.owner, ws)), 404);
    await expectProblem(await list("x".repeat(200), t.as(ws.owner, ws)), 422);
  });
});

describe("listRecordsetAccessGrants: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await list(rs.slug, { "x-workspace-id": ws.id }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    await expectProblem(await list(foreign.slug, t.as(ws.owner, ws)), 404);
  });

  it("needs can_admin on the recordset: 403 with view or edit only, 200 with a can_admin grant or as an admin", async () => {
    const rs = await makeRecordset(t, ws);
    const editor = await t.addMember(ws, "member");
    const manager = await t.addMember(ws, "member");
    const stranger = await t.addMember(ws, "member");
    const admin = await t.addMember(ws, "admin");
    await grant(t, ws, rs.slug, { member_id: editor.id, flags: ["can_view", "can_edit"] });
    await grant(t, ws, rs.slug, { member_id: manager.id, flags: ["can_admin"] });
    await expectProblem(await list(rs.slug, t.as(editor, ws)), 403);
    await expectProblem(await list(rs.slug, t.as(stranger, ws)), 403);
    expect((await list(rs.slug, t.as(manager, ws))).status).toBe(200);
    expect((await list(rs.slug, t.as(admin, ws))).status).toBe(200);
  });
});
