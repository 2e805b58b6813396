import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { PostgresMemberItemTransactions } from "../../../adapters/postgres/members/postgres-member-item-transactions.ts";
import { apiKeyItemSource } from "../../../adapters/postgres/members/api-key-item-source.ts";
import { teamLeadItemSource } from "../../../adapters/postgres/teams/team-lead-item-source.ts";
import { MemberItemRegistry } from "../../../core/members/member-item-sources.ts";
import { reassignMemberItems } from "../../../core/members/reassign-member-items.ts";
import { createApiKeyBy, createLedTeam } from "./member-test-helpers.ts";

// POST /api/v1/members/{member_id}/reassign (reassignMemberItems)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const reassign = (id: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/members/${id}/reassign`, { method: "POST", headers, json });

describe("reassignMemberItems: happy", () => {
  it("moves team leads and API keys to the target, keeping the old lead as a team member", async () => {
    const leaving = await t.addMember(workspace, "member");
    const target = await t.addMember(workspace, "member");
    const teamId = await createLedTeam(t, workspace, leaving.id);
    const keyId = await createApiKeyBy(t, workspace, leaving.id);
    const res = await reassign(leaving.id, t.as(workspace.owner, workspace), { target_member_id: target.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      member_id: leaving.id,
      target_member_id: target.id,
      reassigned: { team: 1, api_key: 1, record_task: 0 },
      total: 2,
    });
    const members = await (await t.request(`/api/v1/teams/${teamId}/members`, { headers: t.as(workspace.owner, workspace) })).json();
    expect(members.items.map((m: { member_id: string; role: string }) => [m.member_id, m.role])).toEqual([
      [target.id, "lead"],
      [leaving.id, "member"],
    ]);
    const key = await t.database.db.selectFrom("api_keys").select("created_by").where("id", "=", keyId).executeTakeFirstOrThrow();
    expect(key.created_by).toBe(target.id);
    const left = await (await t.request(`/api/v1/members/${leaving.id}/items`, { headers: t.as(workspace.owner, workspace) })).json();
    expect(left.total).toBe(0);
  });
});

describe("reassignMemberItems: error", () => {
  it("answers 422 for a missing or identical target", async () => {
    const member = await t.addMember(workspace, "member");
    for (const json of [{}, { target_member_id: "x" }, { target_member_id: member.id }]) {
      const res = await reassign(member.id, t.as(workspace.owner, workspace), json);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });

  it("is all or nothing: a failing source rolls back the platform and tenant moves before it", async () => {
    const leaving = await t.addMember(workspace, "member");
    const target = await t.addMember(workspace, "member");
    await createLedTeam(t, workspace, leaving.id);
    await createApiKeyBy(t, workspace, leaving.id);
    const memberItems = new MemberItemRegistry(new PostgresMemberItemTransactions(t.database))
      .register(teamLeadItemSource)
      .register(apiKeyItemSource)
      .register({
        type: "broken",
        count: async () => 0,
        list: async () => [],
        reassign: async () => {
          throw new Error("source failed");
        },
      });
    const actor = {
      kind: "user" as const,
      userId: workspace.owner.id,
      sessionId: "s",
      isStaff: false,
      isSuperuser: false,
      workspace: { id: workspace.id, schemaName: workspace.schemaName, role: "owner" as const },
    };
    await expect(
      reassignMemberItems({ ...t.services, memberItems }, actor, { memberId: leaving.id, targetMemberId: target.id }),
    ).rejects.toThrow("source failed");
    const left = await (await t.request(`/api/v1/members/${leaving.id}/deletion-info`, { headers: t.as(workspace.owner, workspace) })).json();
    expect(left.item_counts).toEqual({ team: 1, api_key: 1, record_task: 0 });
  });

  it("answers 409 when the target is inactive", async () => {
    const member = await t.addMember(workspace, "member");
    const inactive = await t.addMember(workspace, "member");
    await t.database.db.updateTable("workspace_members").set({ status: "inactive" }).where("user_id", "=", inactive.id).execute();
    expect((await reassign(member.id, t.as(workspace.owner, workspace), { target_member_id: inactive.id })).status).toBe(409);
  });
});

describe("reassignMemberItems: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await reassign(workspace.owner.id, { "x-workspace-id": workspace.id }, { target_member_id: workspace.owner.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's member or target", async () => {
    const other = await t.createWorkspace();
    const member = await t.addMember(workspace, "member");
    expect((await reassign(other.owner.id, t.as(workspace.owner, workspace), { target_member_id: member.id })).status).toBe(404);
    expect((await reassign(member.id, t.as(workspace.owner, workspace), { target_member_id: other.owner.id })).status).toBe(404);
  });

  it("an admin cannot reassign the owner's items (403)", async () => {
    const admin = await t.addMember(workspace, "admin");
    expect((await reassign(workspace.owner.id, t.as(admin, workspace), { target_member_id: admin.id })).status).toBe(403);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const from = await t.addMember(workspace, "member");
    const to = await t.addMember(workspace, "member");
    expect((await reassign(from.id, t.as(user, workspace), { target_member_id: to.id })).status).toBe(status);
  });
});
