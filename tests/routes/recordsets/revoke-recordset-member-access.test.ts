import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId } from "./recordset-test-helpers.ts";

// DELETE /api/v1/recordsets/{recordset_slug}/access/members/{member_id} (revokeRecordsetMemberAccess)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const revoke = (slug: string, memberId: string, headers: Record<string, string>) =>
  t.request(`/api/v1/recordsets/${slug}/access/members/${memberId}`, { method: "DELETE", headers });

describe("revokeRecordsetMemberAccess: happy", () => {
  it("removes the member's grant, and with it their access", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view", "can_edit"] });
    expect((await t.request(`/api/v1/recordsets/${rs.slug}/permissions/me`, { headers: t.as(member, ws) }).then((r) => r.json())).can_edit).toBe(true);
    const res = await revoke(rs.slug, member.id, t.as(ws.owner, ws));
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    const after = await t.request(`/api/v1/recordsets/${rs.slug}/permissions/me`, { headers: t.as(member, ws) }).then((r) => r.json());
    expect(after).toMatchObject({ can_view: false, can_edit: false });
  });
});

describe("revokeRecordsetMemberAccess: error", () => {
  it("answers 422 for a malformed member id and 404 when the member has no grant", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await revoke(rs.slug, "nope", t.as(ws.owner, ws)), 422);
    await expectProblem(await revoke(rs.slug, unknownId, t.as(ws.owner, ws)), 404);
    await expectProblem(await revoke("no-such-recordset", unknownId, t.as(ws.owner, ws)), 404);
  });
});

describe("revokeRecordsetMemberAccess: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await revoke(rs.slug, ws.owner.id, { "x-workspace-id": ws.id }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    const member = await t.addMember(other, "member");
    await grant(t, other, foreign.slug, { member_id: member.id, flags: ["can_view"] });
    await expectProblem(await revoke(foreign.slug, member.id, t.as(ws.owner, ws)), 404);
  });

  it("needs can_admin: 403 for a member who can only view", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view"] });
    await expectProblem(await revoke(rs.slug, member.id, t.as(member, ws)), 403);
    expect((await revoke(rs.slug, member.id, t.as(await t.addMember(ws, "admin"), ws))).status).toBe(204);
  });
});
