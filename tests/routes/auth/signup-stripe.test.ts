import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.ts";
import { stripeApiHandlers, TRIAL_END, type SeenStripeRequest } from "../../adapters/stripe/stripe-api-handlers.ts";
import { expectProblem, GOOD_PASSWORD } from "./account-test-helpers.ts";
import { uniqueEmail, userByEmail } from "./signup-test-helpers.ts";

// POST /api/v1/auth/signup (signup) with STRIPE_SECRET_KEY set: the Stripe adapter through the
// real SDK, msw answering Stripe's API.
const seen: SeenStripeRequest[] = [];
const server = setupServer(...stripeApiHandlers(seen));
let t: TestApp;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: "bypass" });
  t = await createTestApp({ env: { STRIPE_SECRET_KEY: "sk_test_123" } });
});
afterAll(async () => {
  server.close();
  await t.close();
});

const signup = (json: Record<string, unknown>) =>
  t.request("/api/v1/auth/signup", {
    method: "POST",
    json: { email: uniqueEmail(), password: GOOD_PASSWORD, name: "Ada", company_name: "Stripe Co", ...json },
  });

describe("signup: happy (Stripe)", () => {
  it("with payment_method_id: the trialing subscription is created at once and stored on the workspace", async () => {
    const res = await signup({ payment_method_id: "pm_card_visa" });
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.billing).toEqual({
      provider: "stripe",
      plan: "pro",
      status: "trialing",
      trial_ends_at: new Date(TRIAL_END * 1000).toISOString(),
      checkout_url: null,
    });
    const ws = await t.database.db.selectFrom("workspaces").selectAll().where("id", "=", out.workspace.id).executeTakeFirstOrThrow();
    expect(ws).toMatchObject({ billing_provider: "stripe", billing_customer_id: "cus_123", billing_subscription_id: "sub_new", billing_status: "trialing" });
  });

  it("without payment_method_id: returns the Checkout URL", async () => {
    const res = await signup({});
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.checkout_url).toBe("https://checkout.stripe.com/c/pay/cs_test_1");
    expect(out.billing).toMatchObject({ status: "incomplete", checkout_url: out.checkout_url });
  });
});

describe("signup: error (Stripe)", () => {
  it("a plan without a Stripe price answers 422 and leaves no user behind", async () => {
    const email = uniqueEmail();
    await expectProblem(await signup({ email, plan: "platinum" }), 422);
    expect(await userByEmail(t, email)).toBeUndefined();
  });
});
