import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { overridePermission } from "./member-test-helpers.ts";

// GET /api/v1/members/{member_id} (getMember)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getMember: happy", () => {
  it("returns the member joined with the user", async () => {
    const member = await t.addMember(workspace, "member");
    const res = await t.request(`/api/v1/members/${member.id}`, { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: member.id,
      email: member.email,
      full_name: "Test User",
      role: "member",
      status: "active",
      avatar_url: null,
      joined_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });
});

describe("getMember: error", () => {
  it("answers 422 problem+json for a non-uuid id", async () => {
    const res = await t.request("/api/v1/members/not-a-uuid", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 404 for an unknown id", async () => {
    const res = await t.request("/api/v1/members/01939a6e-7c1e-7b41-9a31-5f2b8d1c0a11", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(404);
  });
});

describe("getMember: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request(`/api/v1/members/${workspace.owner.id}`, { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's member", async () => {
    const other = await t.createWorkspace();
    const res = await t.request(`/api/v1/members/${other.owner.id}`, { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(404);
  });

  it.each([
    ["viewer", 200],
    ["member", 403],
  ] as const)("with can_view_member revoked for members, a %s gets %i", async (role, status) => {
    const ws = await t.createWorkspace();
    await overridePermission(t, ws, "member", "can_view_member", false);
    const user = await t.addMember(ws, role);
    expect((await t.request(`/api/v1/members/${ws.owner.id}`, { headers: t.as(user, ws) })).status).toBe(status);
  });
});
