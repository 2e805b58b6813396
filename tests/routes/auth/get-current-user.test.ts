import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./account-test-helpers.ts";

// GET /api/v1/auth/me (getCurrentUser)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getCurrentUser: happy", () => {
  it("returns the profile, with member null when no workspace is asked for", async () => {
    const user = await t.createUser();
    const res = await t.request("/api/v1/auth/me", { headers: t.as(user) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: user.id, email: user.email, full_name: "Test User", title: null, member: null });
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("with workspace_id, also returns the membership there", async () => {
    const admin = await t.addMember(workspace, "admin");
    const res = await t.request(`/api/v1/auth/me?workspace_id=${workspace.id}`, { headers: t.as(admin) });
    expect(res.status).toBe(200);
    expect((await res.json()).member).toMatchObject({ workspace_id: workspace.id, role: "admin", status: "active" });
  });
});

describe("getCurrentUser: error", () => {
  it("answers 422 for a malformed workspace_id", async () => {
    const body = await expectProblem(await t.request("/api/v1/auth/me?workspace_id=nope", { headers: t.as(workspace.owner) }), 422);
    expect(JSON.stringify(body.errors)).toContain("workspace_id");
  });
});

describe("getCurrentUser: security", () => {
  it("answers 401 without credentials and with a forged token", async () => {
    await expectProblem(await t.request("/api/v1/auth/me"), 401);
    await expectProblem(await t.request("/api/v1/auth/me", { headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x" } }), 401);
  });

  it("answers 404 for a workspace the caller is not in (or that does not exist)", async () => {
    const other = await t.createWorkspace();
    await expectProblem(await t.request(`/api/v1/auth/me?workspace_id=${other.id}`, { headers: t.as(workspace.owner) }), 404);
    await expectProblem(await t.request(`/api/v1/auth/me?workspace_id=${newId()}`, { headers: t.as(workspace.owner) }), 404);
  });

  it("answers 401 for a deactivated account", async () => {
    const user = await t.createUser({ isActive: false });
    await expectProblem(await t.request("/api/v1/auth/me", { headers: t.as(user) }), 401, "account_inactive");
  });
});
