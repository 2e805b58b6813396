import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem } from "./account-test-helpers.ts";
import { uniqueEmail } from "./signup-test-helpers.ts";

// POST /api/v1/auth/clerk/check-user (checkClerkUser)
const SECRET = "clerk-shared-secret-for-tests";
let t: TestApp;
let unconfigured: TestApp;
beforeAll(async () => {
  // The shared app has no CLERK_SECRET; this file needs one, so it gets its own app.
  t = await createTestApp({ env: { CLERK_SECRET: SECRET } });
  unconfigured = await sharedTestApp();
});
afterAll(async () => {
  await t.close();
});

const check = (app: TestApp, json: unknown, secret: string | null = SECRET) =>
  app.request("/api/v1/auth/clerk/check-user", { method: "POST", json, headers: secret === null ? {} : { "x-clerk-secret": secret } });

describe("checkClerkUser: happy", () => {
  it("returns a session for a user found by email and links the Clerk id", async () => {
    const user = await t.createUser();
    const res = await check(t, { clerk_id: `user_${user.id}`, email: user.email.toUpperCase(), name: "Ada" });
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out).toMatchObject({ exists: true, user_id: user.id, token_type: "bearer", access_token: expect.any(String) });
    const row = await t.database.db.selectFrom("users").select("clerk_id").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.clerk_id).toBe(`user_${user.id}`);
    const me = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${out.access_token}` } });
    expect(me.status).toBe(200);
  });

  it("finds a user by Clerk id even when the email changed", async () => {
    const user = await t.createUser();
    await check(t, { clerk_id: `user_${user.id}`, email: user.email });
    const res = await check(t, { clerk_id: `user_${user.id}`, email: uniqueEmail("changed") });
    expect(await res.json()).toMatchObject({ exists: true, user_id: user.id });
  });

  it("answers {exists:false} for an unknown user and creates nobody", async () => {
    const email = uniqueEmail("clerk");
    const res = await check(t, { clerk_id: "user_unknown", email });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ exists: false });
    expect(await t.database.db.selectFrom("users").select("id").where("email", "=", email).execute()).toEqual([]);
  });
});

describe("checkClerkUser: error", () => {
  it("answers 422 for a missing clerk_id or a bad email", async () => {
    await expectProblem(await check(t, { email: uniqueEmail() }), 422);
    await expectProblem(await check(t, { clerk_id: "user_x", email: "nope" }), 422);
  });

  it("answers 409 when the email belongs to an account linked to another Clerk user", async () => {
    const user = await t.createUser();
    await check(t, { clerk_id: `user_a_${user.id}`, email: user.email });
    await expectProblem(await check(t, { clerk_id: `user_b_${user.id}`, email: user.email }), 409);
  });

  it("answers 403 for a deactivated account", async () => {
    const user = await t.createUser({ isActive: false });
    await expectProblem(await check(t, { clerk_id: `user_${user.id}`, email: user.email }), 403);
  });
});

describe("checkClerkUser: security", () => {
  it.each([
    ["no secret", null],
    ["a wrong secret", "not-the-secret"],
    ["a longer secret with the right prefix", `${SECRET}x`],
  ])("answers 401 with %s", async (_label, secret) => {
    const user = await t.createUser();
    await expectProblem(await check(t, { clerk_id: "user_x", email: user.email }, secret), 401);
  });

  it("answers 503 when CLERK_SECRET is not configured, whatever the header", async () => {
    await expectProblem(await check(unconfigured, { clerk_id: "user_x", email: uniqueEmail() }), 503, "service_unavailable");
  });
});
