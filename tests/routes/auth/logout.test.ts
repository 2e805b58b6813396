import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { createUserWithPassword, expectProblem } from "./account-test-helpers.ts";

// POST /api/v1/auth/logout (logout)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const logout = (headers: Record<string, string>) => t.request("/api/v1/auth/logout", { method: "POST", headers });

describe("logout: happy", () => {
  it("ends the session: its access and refresh tokens stop working, other sessions stay", async () => {
    const user = await createUserWithPassword(t);
    const other = await (await t.request("/api/v1/auth/login", { method: "POST", json: { email: user.email, password: user.password } })).json();
    const res = await logout(t.as(user));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: "Logged out.", session_id: user.tokens.session_id });
    await expectProblem(await t.request("/api/v1/auth/me", { headers: t.as(user) }), 401, "session_revoked");
    await expectProblem(
      await t.request("/api/v1/auth/refresh", { method: "POST", json: { refresh_token: user.tokens.refresh_token } }),
      401,
    );
    const stillIn = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${other.access_token}` } });
    expect(stillIn.status).toBe(200);
  });
});

describe("logout: error", () => {
  it("answers 401 problem+json for a malformed bearer token", async () => {
    await expectProblem(await logout({ authorization: "Bearer not.a.jwt" }), 401);
  });
});

describe("logout: security", () => {
  it("answers 401 without credentials and for an already ended session", async () => {
    await expectProblem(await logout({}), 401);
    const user = await t.createUser();
    expect((await logout(t.as(user))).status).toBe(200);
    await expectProblem(await logout(t.as(user)), 401, "session_revoked");
  });
});
