import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, latestMailTo, tokenFromText, itAnswers401WithoutCredentials, itAnswers404ForWorkspaceCallerIsNotIn, itForbidsAdminActingOnOwner, itChecksUserActionRoles } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/{workspace_id}/users/{user_id}/password-reset (sendMemberPasswordReset)
let t: TestApp;
let workspace: TestWorkspace;
const send = (userId: string, headers: Record<string, string>, ws = workspace) =>
  t.request(`/api/v1/workspaces/${ws.id}/users/${userId}/password-reset`, { method: "POST", headers });
const ctx = () => ({ t, workspace });
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
  itAnswers401WithoutCredentials(ctx, send);

  itAnswers404ForWorkspaceCallerIsNotIn(ctx, send);

  itForbidsAdminActingOnOwner(ctx, send, "an admin cannot reset an owner");

  itChecksUserActionRoles(ctx, send);
});
