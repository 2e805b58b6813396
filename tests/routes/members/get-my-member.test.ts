import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/members/me (getMyMember)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getMyMember: happy", () => {
  it.each(["owner", "admin", "member", "viewer"] as const)("a %s reads their own profile with role and tours", async (role) => {
    const user = role === "owner" ? workspace.owner : await t.addMember(workspace, role);
    const res = await t.request("/api/v1/members/me", { headers: t.as(user, workspace) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: user.id, user_id: user.id, email: user.email, role, tours: {}, is_active: true });
  });
});

describe("getMyMember: error", () => {
  it("answers 422 problem+json without a workspace header", async () => {
    const res = await t.request("/api/v1/members/me", { headers: t.as(workspace.owner) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("getMyMember: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/members/me", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 in a workspace the caller is not in, and 404 once removed", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/members/me", { headers: t.as(other.owner, workspace) })).status).toBe(404);
    const member = await t.addMember(workspace, "member");
    const removed = await t.request(`/api/v1/members/${member.id}`, { method: "DELETE", headers: t.as(workspace.owner, workspace) });
    expect(removed.status).toBe(204);
    expect((await t.request("/api/v1/members/me", { headers: t.as(member, workspace) })).status).toBe(404);
  });
});
