import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, latestMailTo } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/{workspace_id}/users/{user_id}/password-reset-link (generatePasswordResetLink)
let t: TestApp;
let workspace: TestWorkspace;
const generate = (userId: string, headers: Record<string, string>) =>
  t.request(`/api/v1/workspaces/${workspace.id}/users/${userId}/password-reset-link`, { method: "POST", headers });
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("generatePasswordResetLink: happy", () => {
  it("returns a 24-hour reset link without sending email; a newer link replaces it", async () => {
    const member = await t.addMember(workspace, "member");
    const res = await generate(member.id, t.as(workspace.owner));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.reset_url).toMatch(/^http:\/\/localhost\/reset-password\?token=/);
    const hours = (Date.parse(body.expires_at) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThan(24.1);
    expect(await latestMailTo(t, member.email)).toBeUndefined();
    const token = new URL(body.reset_url).searchParams.get("token")!;
    expect(await t.services.oneTimeTokens.peek("password_reset", token, new Date())).not.toBeNull();
    await generate(member.id, t.as(workspace.owner));
    expect(await t.services.oneTimeTokens.peek("password_reset", token, new Date())).toBeNull();
  });
});

describe("generatePasswordResetLink: error", () => {
  it("answers 422 for a malformed user id and 404 for a non-member", async () => {
    expectProblem(await generate("nope", t.as(workspace.owner)), 422);
    expectProblem(await generate(newId(), t.as(workspace.owner)), 404);
  });
});

describe("generatePasswordResetLink: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await generate(workspace.owner.id, {}), 401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    const member = await t.addMember(workspace, "member");
    expectProblem(
      await t.request(`/api/v1/workspaces/${workspace.id}/users/${member.id}/password-reset-link`, { method: "POST", headers: t.as(other.owner) }),
      404,
    );
  });

  it("an admin cannot reset an owner", async () => {
    const admin = await t.addMember(workspace, "admin");
    expectProblem(await generate(workspace.owner.id, t.as(admin)), 403);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const target = await t.addMember(workspace, "viewer");
    expect((await generate(target.id, t.as(user))).status).toBe(status);
  });
});
