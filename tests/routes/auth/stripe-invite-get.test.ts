import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem } from "./account-test-helpers.ts";
import { seedInvite } from "./signup-test-helpers.ts";

// GET /api/v1/auth/signup/stripe-invite/{invite_code} (getStripeInvite)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const get = (code: string) => t.request(`/api/v1/auth/signup/stripe-invite/${encodeURIComponent(code)}`);

describe("getStripeInvite: happy", () => {
  it("returns the prefill data of a pending invite", async () => {
    const { invite, inviteCode } = await seedInvite(t, { companyName: "Prefill Ltd" });
    const res = await get(inviteCode);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: invite.id,
      email: invite.email,
      customer_name: "Ada Lovelace",
      company_name: "Prefill Ltd",
      plan: "pro",
      status: "pending",
      expires_at: invite.expiresAt.toISOString(),
      used_at: null,
      created_at: expect.any(String),
    });
  });

  it("says when the invite has expired", async () => {
    const { inviteCode } = await seedInvite(t, { ttlDays: -1 });
    expect((await (await get(inviteCode)).json()).status).toBe("expired");
  });
});

describe("getStripeInvite: error", () => {
  it("answers 422 for a code too short to be one", async () => {
    await expectProblem(await get("abc"), 422);
  });
});

describe("getStripeInvite: security", () => {
  it("answers 404 for an unknown code (the code is the credential)", async () => {
    await expectProblem(await get("inv_doesnotexist0000000000000000000"), 404, "not_found");
  });

  it("never exposes Stripe ids or the access code", async () => {
    const { inviteCode, accessCode, invite } = await seedInvite(t);
    const text = await (await get(inviteCode)).text();
    expect(text).not.toContain(invite.stripeCustomerId);
    expect(text).not.toContain(invite.stripeSubscriptionId);
    expect(text).not.toContain(accessCode);
  });
});
