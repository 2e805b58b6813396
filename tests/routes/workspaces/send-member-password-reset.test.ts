import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, latestMailTo, tokenFromText } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/{workspace_id}/users/{user_id}/password-reset (sendMemberPasswordReset)
let t: TestApp;
let workspace: TestWorkspace;
const send = (userId: string, headers: Record<string, string>, ws = workspace) =>
  t.request(`/api/v1/workspaces/${ws.id}/users/${userId}/password-reset`, { method: "POST", headers });
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("sendMemberPasswordReset: happy", () => {
  it("emails a one-hour reset link that resets the password", async () => {
    const member = await t.addMember(workspace, "member");
    const res = await send(member.id, t.as(workspace.owner));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ user_id: member.id, email: member.email });
    const minutes = (Date.parse(body.expires_at) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThan(61);
    const mail = await latestMailTo(t, member.email);
    expect(mail!.text).toContain("/reset-password?token=");
    const reset = await t.request("/api/v1/auth/reset-password", {
      method: "POST",
      json: { token: tokenFromText(mail!.text), new_password: "brand new password" },
    });
    expect(reset.status).toBe(200);
  });
});

describe("sendMemberPasswordReset: error", () => {
  it("answers 422 for a malformed user id and 404 for a user outside the workspace", async () => {
    expectProblem(await send("nope", t.as(workspace.owner)), 422);
    expectProblem(await send(newId(), t.as(workspace.owner)), 404);
    const stranger = await t.createUser();
    expectProblem(await send(stranger.id, t.as(workspace.owner)), 404);
  });
});

describe("sendMemberPasswordReset: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await send(workspace.owner.id, {}), 401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    const member = await t.addMember(workspace, "member");
    expectProblem(await send(member.id, t.as(other.owner)), 404);
  });

  it("an admin cannot reset an owner", async () => {
    const admin = await t.addMember(workspace, "admin");
    expectProblem(await send(workspace.owner.id, t.as(admin)), 403);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const target = await t.addMember(workspace, "viewer");
    expect((await send(target.id, t.as(user))).status).toBe(status);
  });
});
