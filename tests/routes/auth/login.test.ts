import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { createUserWithPassword, expectProblem, GOOD_PASSWORD } from "./account-test-helpers.ts";

// POST /api/v1/auth/login (login)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const login = (app: TestApp, json: unknown, headers: Record<string, string> = {}) =>
  app.request("/api/v1/auth/login", { method: "POST", json, headers });

describe("login: happy", () => {
  it("returns tokens and the user; the access token works on /auth/me", async () => {
    const user = await createUserWithPassword(t);
    const res = await login(t, { email: user.email.toUpperCase(), password: user.password });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 900, user: { id: user.id, email: user.email } });
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.user.last_login_at).not.toBeNull();
    const me = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.status).toBe(200);
  });
});

describe("login: error", () => {
  it("answers the same 401 for a wrong password and an unknown email", async () => {
    const user = await createUserWithPassword(t);
    const wrong = await expectProblem(await login(t, { email: user.email, password: "wrong password!" }), 401, "invalid_credentials");
    const unknown = await expectProblem(
      await login(t, { email: `nobody-${user.id}@example.test`, password: "wrong password!" }),
      401,
      "invalid_credentials",
    );
    expect(unknown.detail).toBe(wrong.detail);
  });

  it("answers 401 for an account that was never activated (no password)", async () => {
    const pending = await t.createUser();
    await expectProblem(await login(t, { email: pending.email, password: GOOD_PASSWORD }), 401, "invalid_credentials");
  });

  it("answers 422 for a missing password and a malformed email", async () => {
    await expectProblem(await login(t, { email: "ada@example.test" }), 422);
    await expectProblem(await login(t, { email: "nope", password: GOOD_PASSWORD }), 422);
  });
});

describe("login: security", () => {
  // Its own app: the throttles count per client address, which needs TRUST_PROXY to vary.
  let throttled: TestApp;
  beforeAll(async () => {
    throttled = await createTestApp({ env: { TRUST_PROXY: "true" } });
  });
  afterAll(async () => throttled?.close());

  it("blocks an account after 5 failed attempts (429 + Retry-After), even with the right password", async () => {
    const user = await createUserWithPassword(throttled);
    for (let i = 0; i < 5; i++) {
      const res = await login(throttled, { email: user.email, password: "wrong password!" }, { "x-forwarded-for": `10.0.0.${i}` });
      expect(res.status).toBe(401);
    }
    const blocked = await login(throttled, { email: user.email, password: user.password }, { "x-forwarded-for": "10.0.1.1" });
    await expectProblem(blocked, 429, "rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("a success clears the account's count", async () => {
    const user = await createUserWithPassword(throttled);
    const ip = { "x-forwarded-for": "10.0.2.1" };
    for (let i = 0; i < 4; i++) expect((await login(throttled, { email: user.email, password: "nope nope" }, ip)).status).toBe(401);
    expect((await login(throttled, { email: user.email, password: user.password }, ip)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(throttled, { email: user.email, password: "nope nope" }, ip)).status).toBe(401);
    expect((await login(throttled, { email: user.email, password: user.password }, ip)).status).toBe(200);
  });

  it("blocks an address after 20 failures across accounts, correct guesses included", async () => {
    const ip = { "x-forwarded-for": "10.0.3.1" };
    const victim = await createUserWithPassword(throttled);
    for (let i = 0; i < 20; i++) {
      const res = await login(throttled, { email: `spray-${i}-${victim.id}@example.test`, password: "Winter2026!" }, ip);
      expect(res.status).toBe(401);
    }
    await expectProblem(await login(throttled, { email: victim.email, password: "Winter2026!" }, ip), 429, "rate_limited");
    const right = await login(throttled, { email: victim.email, password: victim.password }, ip);
    await expectProblem(right, 429, "rate_limited");
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    // Another address is not affected.
    expect((await login(throttled, { email: victim.email, password: victim.password }, { "x-forwarded-for": "10.0.3.2" })).status).toBe(200);
  });

  it("takes about as long for an unknown email as for a wrong password (dummy hash)", async () => {
    const user = await createUserWithPassword(throttled);
    const time = async (email: string, ip: string): Promise<number> => {
      const start = performance.now();
      await login(throttled, { email, password: "wrong password!" }, { "x-forwarded-for": ip });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(user.email, `10.0.4.${i}`));
      unknown.push(await time(`ghost-${i}-${user.id}@example.test`, `10.0.5.${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    // Both pay one Argon2id verification (~tens of ms); without the dummy hash the unknown
    // email would answer in a fraction of that.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
