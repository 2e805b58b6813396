import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createApiKeyBy, createLedTeam } from "./member-test-helpers.ts";

// GET /api/v1/members/{member_id}/deletion-info (getMemberDeletionInfo)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const info = (id: string, headers: Record<string, string>) => t.request(`/api/v1/members/${id}/deletion-info`, { headers });

describe("getMemberDeletionInfo: happy", () => {
  it("counts workspaces and owned items; deletable when in this workspace only", async () => {
    const member = await t.addMember(workspace, "member");
    await createLedTeam(t, workspace, member.id);
    await createLedTeam(t, workspace, member.id);
    await createApiKeyBy(t, workspace, member.id);
    const res = await info(member.id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      member_id: member.id,
      workspace_count: 1,
      can_delete_user: true,
      item_counts: { team: 2, api_key: 1, record_task: 0 },
      total_items: 3,
    });
  });

  it("is not deletable when the user is in another workspace too, nor for the owner", async () => {
    const member = await t.addMember(workspace, "member");
    await t.addMember(await t.createWorkspace(), "viewer", member);
    expect(await (await info(member.id, t.as(workspace.owner, workspace))).json()).toMatchObject({ workspace_count: 2, can_delete_user: false });
    const admin = await t.addMember(workspace, "admin");
    expect(await (await info(workspace.owner.id, t.as(admin, workspace))).json()).toMatchObject({ can_delete_user: false });
  });
});

describe("getMemberDeletionInfo: error", () => {
  it("answers 422 for a non-uuid id and 404 for an unknown one", async () => {
    const bad = await info("nope", t.as(workspace.owner, workspace));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await info("01939a6e-7c1e-7b41-9a31-5f2b8d1c0a11", t.as(workspace.owner, workspace))).status).toBe(404);
  });
});

describe("getMemberDeletionInfo: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await info(workspace.owner.id, { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's member", async () => {
    const other = await t.createWorkspace();
    expect((await info(other.owner.id, t.as(workspace.owner, workspace))).status).toBe(404);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const target = await t.addMember(workspace, "viewer");
    expect((await info(target.id, t.as(user, workspace))).status).toBe(status);
  });
});
