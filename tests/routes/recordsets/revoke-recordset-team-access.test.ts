import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addToTeam, createTeam } from "../teams/team-test-helpers.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId } from "./recordset-test-helpers.ts";

// DELETE /api/v1/recordsets/{recordset_slug}/access/teams/{team_id} (revokeRecordsetTeamAccess)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const revoke = (slug: string, teamId: string, headers: Record<string, string>) =>
  t.request(`/api/v1/recordsets/${slug}/access/teams/${teamId}`, { method: "DELETE", headers });

describe("revokeRecordsetTeamAccess: happy", () => {
  it("removes the team's grant: its members lose what it gave them", async () => {
    const rs = await makeRecordset(t, ws);
    const team = await createTeam(t, ws);
    const member = await t.addMember(ws, "member");
    await addToTeam(t, ws, team.id, member.id);
    await grant(t, ws, rs.slug, { team_id: team.id, flags: ["can_view"] });
    const me = () => t.request(`/api/v1/recordsets/${rs.slug}/permissions/me`, { headers: t.as(member, ws) }).then((r) => r.json());
    expect((await me()).can_view).toBe(true);
    expect((await revoke(rs.slug, team.id, t.as(ws.owner, ws))).status).toBe(204);
    expect((await me()).can_view).toBe(false);
  });
});

describe("revokeRecordsetTeamAccess: error", () => {
  it("answers 422 for a malformed team id and 404 when the team has no grant", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await revoke(rs.slug, "nope", t.as(ws.owner, ws)), 422);
    await expectProblem(await revoke(rs.slug, unknownId, t.as(ws.owner, ws)), 404);
  });
});

describe("revokeRecordsetTeamAccess: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await revoke(rs.slug, unknownId, { "x-workspace-id": ws.id }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    const team = await createTeam(t, other);
    await grant(t, other, foreign.slug, { team_id: team.id, flags: ["can_view"] });
    await expectProblem(await revoke(foreign.slug, team.id, t.as(ws.owner, ws)), 404);
  });

  it("needs can_admin: 403 for a viewer and an editor", async () => {
    const rs = await makeRecordset(t, ws);
    const team = await createTeam(t, ws);
    await grant(t, ws, rs.slug, { team_id: team.id, flags: ["can_view"] });
    const viewer = await t.addMember(ws, "viewer");
    const editor = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: editor.id, flags: ["can_edit"] });
    await expectProblem(await revoke(rs.slug, team.id, t.as(viewer, ws)), 403);
    await expectProblem(await revoke(rs.slug, team.id, t.as(editor, ws)), 403);
  });
});
