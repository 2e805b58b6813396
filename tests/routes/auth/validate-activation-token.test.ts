import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { activationTokenFor, expectProblem, mailTo } from "./account-test-helpers.ts";

// GET /api/v1/auth/activation/validate (validateActivationToken)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const validate = (workspaceId: string, token: string) =>
  t.request(`/api/v1/auth/activation/validate?workspace_id=${workspaceId}&token=${encodeURIComponent(token)}`);

describe("validateActivationToken: happy", () => {
  it("answers the user and workspace of the link, without using the token", async () => {
    const invited = await t.addMember(workspace, "member");
    const token = await activationTokenFor(t, invited, workspace);
    const [mail] = await mailTo(t, invited.email);
    expect(mail!.subject).toContain("Activate");
    expect(mail!.html_body).toContain("Set my password");
    for (let i = 0; i < 2; i++) {
      const res = await validate(workspace.id, token);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({
        valid: true,
        user: { id: invited.id, email: invited.email },
        workspace: { id: workspace.id },
        role: "member",
      });
      expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    }
  });
});

describe("validateActivationToken: error", () => {
  it("answers 422 without token or workspace_id, 401 for an unknown token", async () => {
    await expectProblem(await t.request(`/api/v1/auth/activation/validate?workspace_id=${workspace.id}`), 422);
    await expectProblem(await t.request("/api/v1/auth/activation/validate?token=abc"), 422);
    await expectProblem(await validate(workspace.id, "unknown-token"), 401, "invalid_activation_token");
  });

  it("answers 401 for a token replaced by a newer email", async () => {
    const invited = await t.addMember(workspace, "viewer");
    const old = await activationTokenFor(t, invited, workspace);
    const fresh = await activationTokenFor(t, invited, workspace);
    await expectProblem(await validate(workspace.id, old), 401, "invalid_activation_token");
    expect((await validate(workspace.id, fresh)).status).toBe(200);
  });
});

describe("validateActivationToken: security", () => {
  it("a token only works with its own workspace", async () => {
    const invited = await t.addMember(workspace, "member");
    const token = await activationTokenFor(t, invited, workspace);
    const other = await t.createWorkspace();
    await expectProblem(await validate(other.id, token), 401, "invalid_activation_token");
  });

  it("a password reset token is not an activation token", async () => {
    const invited = await t.addMember(workspace, "member");
    const { issuePasswordResetToken } = await import("../../../core/accounts/password-reset.ts");
    const { accountDeps } = await import("../../../app/routes/auth/account-deps.ts");
    const reset = await issuePasswordResetToken(accountDeps(t.services), invited.id);
    await expectProblem(await validate(workspace.id, reset.token), 401);
  });
});
