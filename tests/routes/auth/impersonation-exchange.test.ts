import { beforeAll, describe, expect, it } from "vitest";
import { verifyAccessToken } from "../../../core/auth/access-token.ts";
import type { Actor } from "../../../core/auth/actor.ts";
import { issueImpersonationToken } from "../../../core/impersonation/issue-impersonation-token.ts";
import { sharedTestApp, type TestApp, type TestUser } from "../../support/test-app.ts";
import { expectProblem } from "./account-test-helpers.ts";

// POST /api/v1/auth/impersonation/exchange (exchangeImpersonationToken)
let t: TestApp;
let staff: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  staff = await t.createUser({ isStaff: true });
});

const actorOf = (user: TestUser, flags: { isStaff?: boolean; isSuperuser?: boolean } = {}): Actor => ({
  kind: "user",
  userId: user.id,
  sessionId: user.tokens.session_id,
  isStaff: flags.isStaff ?? true,
  isSuperuser: flags.isSuperuser ?? false,
});
const exchange = (json: unknown) => t.request("/api/v1/auth/impersonation/exchange", { method: "POST", json });

describe("exchangeImpersonationToken: happy", () => {
  it("returns a session for the target whose access token is typ=impersonation with act=staff; audited", async () => {
    const target = await t.createUser();
    const { token } = await issueImpersonationToken(t.services, actorOf(staff), target.id);
    const res = await exchange({ token });
    expect(res.status).toBe(200);
    const out = await res.json();
    const claims = verifyAccessToken(t.services.secrets.jwt, out.access_token, new Date());
    expect(claims).toMatchObject({ sub: target.id, typ: "impersonation", act: staff.id, sid: out.session_id });
    const me = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${out.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.text()).toContain(target.id);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("target_id", "=", target.id)
      .orderBy("created_at")
      .execute();
    expect(audit).toEqual([
      { action: "impersonation.issued", actor_user_id: staff.id },
      { action: "impersonation.started", actor_user_id: staff.id },
    ]);
  });
});

describe("exchangeImpersonationToken: refresh", () => {
  it("keeps the session marked as impersonation when its tokens are refreshed", async () => {
    const staff = await t.createUser({ isStaff: true });
    const target = await t.createUser();
    const { token } = await issueImpersonationToken(t.services, actorOf(staff), target.id);
    const res = await t.request("/api/v1/auth/impersonation/exchange", { method: "POST", json: { token } });
    const out = (await res.json()) as { refresh_token: string };
    const refreshed = await t.request("/api/v1/auth/refresh", { method: "POST", json: { refresh_token: out.refresh_token } });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string };
    const claims = verifyAccessToken(t.services.secrets.jwt, next.access_token, new Date());
    expect(claims).toMatchObject({ sub: target.id, typ: "impersonation", act: staff.id });
  });
});

describe("exchangeImpersonationToken: error", () => {
  it("answers 422 without a token", async () => {
    await expectProblem(await exchange({}), 422);
  });

  it("answers 401 the second time (single use) and for an unknown token", async () => {
    const target = await t.createUser();
    const { token } = await issueImpersonationToken(t.services, actorOf(staff), target.id);
    expect((await exchange({ token })).status).toBe(200);
    await expectProblem(await exchange({ token }), 401);
    await expectProblem(await exchange({ token: "not-a-real-impersonation-token" }), 401);
  });

  it("answers 401 for an expired token", async () => {
    const target = await t.createUser();
    const past = { ...t.services, now: () => new Date(Date.now() - 10 * 60_000) };
    const { token } = await issueImpersonationToken(past, actorOf(staff), target.id);
    await expectProblem(await exchange({ token }), 401);
  });
});

describe("exchangeImpersonationToken: security", () => {
  it("answers 401 when the target was deactivated after the token was issued", async () => {
    const target = await t.createUser();
    const { token } = await issueImpersonationToken(t.services, actorOf(staff), target.id);
    await t.database.db.updateTable("users").set({ is_active: false }).where("id", "=", target.id).execute();
    await expectProblem(await exchange({ token }), 401);
  });

  it("answers 401 for a one-time token of another kind (e.g. a password reset)", async () => {
    const target = await t.createUser();
    const { token } = await t.services.oneTimeTokens.issue({ kind: "password_reset", userId: target.id, ttlSeconds: 300 }, new Date());
    await expectProblem(await exchange({ token }), 401);
  });

  it.each([
    ["a regular user", { isStaff: false, isSuperuser: false }, "member"],
    ["staff on another staff member", { isStaff: true, isSuperuser: false }, "staff"],
  ] as const)("refuses to issue tokens to %s (403)", async (_label, flags, targetKind) => {
    const actor = await t.createUser(flags.isStaff ? { isStaff: true } : {});
    const target = await t.createUser(targetKind === "staff" ? { isStaff: true } : {});
    await expect(issueImpersonationToken(t.services, actorOf(actor, flags), target.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lets a superuser impersonate staff", async () => {
    const superuser = await t.createUser({ isStaff: true });
    const target = await t.createUser({ isStaff: true });
    const { token } = await issueImpersonationToken(t.services, actorOf(superuser, { isSuperuser: true }), target.id);
    expect((await exchange({ token })).status).toBe(200);
  });
});
