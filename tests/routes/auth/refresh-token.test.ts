import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem } from "./account-test-helpers.ts";

// POST /api/v1/auth/refresh (refreshToken)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const refresh = (refresh_token: unknown) => t.request("/api/v1/auth/refresh", { method: "POST", json: { refresh_token } });

describe("refreshToken: happy", () => {
  it("rotates: a new pair in the same session, and the new access token works", async () => {
    const user = await t.createUser();
    const res = await refresh(user.tokens.refresh_token);
    expect(res.status).toBe(200);
    const pair = await res.json();
    expect(pair).toMatchObject({ token_type: "bearer", session_id: user.tokens.session_id });
    expect(pair.refresh_token).not.toBe(user.tokens.refresh_token);
    const me = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${pair.access_token}` } });
    expect(me.status).toBe(200);
    expect((await refresh(pair.refresh_token)).status).toBe(200);
  });
});

describe("refreshToken: error", () => {
  it("answers 422 without a refresh token and 401 for an unknown one", async () => {
    await expectProblem(await t.request("/api/v1/auth/refresh", { method: "POST", json: {} }), 422);
    await expectProblem(await refresh("not-a-real-token"), 401, "invalid_refresh_token");
  });
});

describe("refreshToken: security", () => {
  it("reusing a spent refresh token revokes the whole session (401 for both holders)", async () => {
    const user = await t.createUser();
    const first = await (await refresh(user.tokens.refresh_token)).json();
    await expectProblem(await refresh(user.tokens.refresh_token), 401, "refresh_token_reused");
    // The legitimate, rotated token is now dead too, and so is its access token.
    await expectProblem(await refresh(first.refresh_token), 401);
    const me = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${first.access_token}` } });
    await expectProblem(me, 401, "session_revoked");
  });

  it("an access token is not a refresh token", async () => {
    const user = await t.createUser();
    await expectProblem(await refresh(user.accessToken), 401);
  });
});
