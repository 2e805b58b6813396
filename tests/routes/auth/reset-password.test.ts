import { beforeAll, describe, expect, it } from "vitest";
import { issuePasswordResetToken } from "../../../core/accounts/password-reset.ts";
import { accountDeps } from "../../../app/routes/auth/account-deps.ts";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { createUserWithPassword, expectProblem } from "./account-test-helpers.ts";

// POST /api/v1/auth/reset-password (resetPassword)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const reset = (json: unknown) => t.request("/api/v1/auth/reset-password", { method: "POST", json });
const login = (email: string, password: string) => t.request("/api/v1/auth/login", { method: "POST", json: { email, password } });

describe("resetPassword: happy", () => {
  it("sets the new password and ends every session of the user", async () => {
    const user = await createUserWithPassword(t, "the old password");
    const { token } = await issuePasswordResetToken(accountDeps(t.services), user.id);
    const res = await reset({ token, new_password: "the new password" });
    expect(res.status).toBe(200);
    expect((await login(user.email, "the new password")).status).toBe(200);
    expect((await login(user.email, "the old password")).status).toBe(401);
    await expectProblem(await t.request("/api/v1/auth/me", { headers: t.as(user) }), 401, "session_revoked");
    await expectProblem(
      await t.request("/api/v1/auth/refresh", { method: "POST", json: { refresh_token: user.tokens.refresh_token } }),
      401,
    );
  });

  it("honours a longer TTL issued for admin links", async () => {
    const user = await t.createUser();
    const issued = await issuePasswordResetToken(accountDeps(t.services), user.id, 24 * 3600);
    expect(issued.url).toBe(`http://localhost/reset-password?token=${issued.token}`);
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect((await reset({ token: issued.token, new_password: "a brand new one" })).status).toBe(200);
  });
});

describe("resetPassword: error", () => {
  it("answers 422 naming new_password when it breaks the policy; the token stays usable", async () => {
    const user = await t.createUser();
    const { token } = await issuePasswordResetToken(accountDeps(t.services), user.id);
    for (const bad of ["short", "x".repeat(257), "         "]) {
      const body = await expectProblem(await reset({ token, new_password: bad }), 422);
      expect(JSON.stringify(body.errors)).toContain("new_password");
    }
    expect((await reset({ token, new_password: "finally good" })).status).toBe(200);
  });

  it("answers 401 for an unknown token and 422 without one", async () => {
    await expectProblem(await reset({ token: "nope", new_password: "a good password" }), 401, "invalid_reset_token");
    await expectProblem(await reset({ new_password: "a good password" }), 422);
  });
});

describe("resetPassword: security", () => {
  it("a token works once, and a newer token replaces an older one", async () => {
    const user = await t.createUser();
    const older = await issuePasswordResetToken(accountDeps(t.services), user.id);
    const newer = await issuePasswordResetToken(accountDeps(t.services), user.id);
    await expectProblem(await reset({ token: older.token, new_password: "a good password" }), 401);
    expect((await reset({ token: newer.token, new_password: "a good password" })).status).toBe(200);
    await expectProblem(await reset({ token: newer.token, new_password: "another password" }), 401);
  });

  it("an expired token is refused", async () => {
    const user = await t.createUser();
    const issued = await issuePasswordResetToken(accountDeps(t.services), user.id);
    await t.database.db
      .updateTable("one_time_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", user.id)
      .where("kind", "=", "password_reset")
      .execute();
    await expectProblem(await reset({ token: issued.token, new_password: "a good password" }), 401);
  });

  it("an activation token is not a reset token", async () => {
    const ws = await t.createWorkspace();
    const invited = await t.addMember(ws, "member");
    const activation = await t.services.oneTimeTokens.issue(
      { kind: "activation", userId: invited.id, workspaceId: ws.id, ttlSeconds: 3600 },
      new Date(),
    );
    await expectProblem(await reset({ token: activation.token, new_password: "a good password" }), 401);
  });
});
