import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, GOOD_PASSWORD } from "./account-test-helpers.ts";
import { seedInvite, userByEmail } from "./signup-test-helpers.ts";

// POST /api/v1/auth/signup/stripe-invite (signupWithStripeInvite)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const register = (json: unknown) => t.request("/api/v1/auth/signup/stripe-invite", { method: "POST", json });

describe("signupWithStripeInvite: happy", () => {
  it("creates user and workspace on the paid subscription, marks the invite used, returns a session", async () => {
    const { invite, inviteCode } = await seedInvite(t, { companyName: "Paid Up Ltd" });
    const res = await register({ invite_code: inviteCode, email: invite.email, name: "Ada Lovelace", password: GOOD_PASSWORD });
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out).toMatchObject({ token_type: "bearer", user: { email: invite.email }, workspace: { name: "Paid Up Ltd", plan: "pro" } });

    const row = await t.database.db.selectFrom("stripe_payment_invites").selectAll().where("id", "=", invite.id).executeTakeFirstOrThrow();
    expect(row.used_at).not.toBeNull();
    expect(row.used_by_user_id).toBe(out.user.id);
    expect(row.workspace_id).toBe(out.workspace.id);
    const sub = await t.database.db
      .selectFrom("billing_subscriptions")
      .selectAll()
      .where("workspace_id", "=", out.workspace.id)
      .executeTakeFirstOrThrow();
    expect(sub).toMatchObject({ external_customer_id: invite.stripeCustomerId, external_subscription_id: invite.stripeSubscriptionId });
    const me = await t.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${out.access_token}` } });
    expect(me.status).toBe(200);
  });

  it("accepts a clerk_id instead of a password and names the workspace as asked", async () => {
    const { invite, inviteCode } = await seedInvite(t);
    const clerkId = `user_${invite.id.slice(-12)}`;
    const res = await register({ invite_code: inviteCode, email: invite.email, name: "Ada", clerk_id: clerkId, company_name: "Chosen Name" });
    expect(res.status).toBe(201);
    expect((await res.json()).workspace.name).toBe("Chosen Name");
    const user = await t.database.db.selectFrom("users").select(["clerk_id", "password_hash"]).where("email", "=", invite.email).executeTakeFirstOrThrow();
    expect(user.clerk_id).toBe(clerkId);
    expect(user.password_hash).toEqual(expect.any(String));
  });
});

describe("signupWithStripeInvite: error", () => {
  it("answers 409 on second use", async () => {
    const { invite, inviteCode } = await seedInvite(t);
    const json = { invite_code: inviteCode, email: invite.email, name: "Ada", password: GOOD_PASSWORD };
    expect((await register(json)).status).toBe(201);
    await expectProblem(await register(json), 409);
  });

  it("answers 409 for an expired invite", async () => {
    const { invite, inviteCode } = await seedInvite(t, { ttlDays: -1 });
    await expectProblem(await register({ invite_code: inviteCode, email: invite.email, name: "Ada", password: GOOD_PASSWORD }), 409);
  });

  it("answers 422 without password or clerk_id, for a weak password, and for another email; creates no user", async () => {
    const { invite, inviteCode } = await seedInvite(t);
    await expectProblem(await register({ invite_code: inviteCode, email: invite.email, name: "Ada" }), 422);
    await expectProblem(await register({ invite_code: inviteCode, email: invite.email, name: "Ada", password: "short" }), 422);
    await expectProblem(await register({ invite_code: inviteCode, email: `x${invite.email}`, name: "Ada", password: GOOD_PASSWORD }), 422);
    expect(await userByEmail(t, invite.email)).toBeUndefined();
    // The invite is still usable afterwards.
    expect((await register({ invite_code: inviteCode, email: invite.email, name: "Ada", password: GOOD_PASSWORD })).status).toBe(201);
  });
});

describe("signupWithStripeInvite: security", () => {
  it("answers 404 for an unknown invite code", async () => {
    await expectProblem(
      await register({ invite_code: "inv_unknown000000000000000000", email: "a@example.test", name: "Ada", password: GOOD_PASSWORD }),
      404,
    );
  });

  it("answers 409 when the email already has an account, and leaves the invite unused", async () => {
    const existing = await t.createUser();
    const { invite, inviteCode } = await seedInvite(t, { email: existing.email });
    await expectProblem(await register({ invite_code: inviteCode, email: existing.email, name: "Ada", password: GOOD_PASSWORD }), 409);
    const row = await t.database.db.selectFrom("stripe_payment_invites").select("used_at").where("id", "=", invite.id).executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });
});
