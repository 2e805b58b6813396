import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, latestMailTo, itAnswers401WithoutCredentials, itAnswers404ForWorkspaceCallerIsNotIn, itForbidsAdminActingOnOwner, itChecksUserActionRoles } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/{workspace_id}/users/{user_id}/password-reset-link (generatePasswordResetLink)
let t: TestApp;
let workspace: TestWorkspace;
const generate = (userId: string, headers: Record<string, string>) =>
  t.request(`/api/v1/workspaces/${workspace.id}/users/${userId}/password-reset-link`, { method: "POST", headers });
const ctx = () => ({ t, workspace });
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
  itAnswers401WithoutCredentials(ctx, generate);

  itAnswers404ForWorkspaceCallerIsNotIn(ctx, generate);

  itForbidsAdminActingOnOwner(ctx, generate, "an admin cannot reset an owner");

  itChecksUserActionRoles(ctx, generate);
});
