import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { StripeBilling } from "../../../adapters/stripe/stripe-billing.ts";
import { stripeApiHandlers, TRIAL_END, type SeenStripeRequest } from "./stripe-api-handlers.ts";

// The Stripe billing adapter through the real SDK, with msw answering Stripe's HTTP API.
const seen: SeenStripeRequest[] = [];
const server = setupServer(...stripeApiHandlers(seen));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const billing = () => new StripeBilling({ secretKey: "sk_test_123", publicUrl: "https://app.example.test/", client: { maxNetworkRetries: 0 } });
const find = (method: string, path: string) => seen.find((s) => s.method === method && s.path === path);

describe("StripeBilling.startSubscription", () => {
  it("with a payment method: customer, attached method, subscription with a 3-day trial at once", async () => {
    const result = await billing().startSubscription({
      workspaceId: "0192f0c1-2222-7c31-9a55-3f1e2d4c5b6a",
      workspaceName: "Acme",
      email: "ada@example.test",
      plan: "pro",
      paymentMethodId: "pm_card_visa",
    });
    expect(result).toEqual({
      provider: "stripe",
      customerId: "cus_123",
      subscriptionId: "sub_new",
      plan: "pro",
      status: "trialing",
      trialEndsAt: new Date(TRIAL_END * 1000),
      checkoutUrl: null,
    });
    expect(seen.every((s) => s.auth === "Bearer sk_test_123")).toBe(true);
    const customer = find("POST", "/v1/customers")!;
    expect(customer.form.get("email")).toBe("ada@example.test");
    expect(customer.form.get("metadata[workspace_id]")).toBe("0192f0c1-2222-7c31-9a55-3f1e2d4c5b6a");
    expect(customer.idempotency).toBe("customer-0192f0c1-2222-7c31-9a55-3f1e2d4c5b6a");
    expect(find("POST", "/v1/payment_methods/pm_card_visa/attach")!.form.get("customer")).toBe("cus_123");
    const sub = find("POST", "/v1/subscriptions")!;
    expect(sub.form.get("trial_period_days")).toBe("3");
    expect(sub.form.get("items[0][price]")).toBe("price_pro");
    expect(sub.form.get("default_payment_method")).toBe("pm_card_visa");
    expect(find("POST", "/v1/checkout/sessions")).toBeUndefined();
  });

  it("without a payment method: a Checkout Session in subscription mode with the trial, and its URL", async () => {
    const result = await billing().startSubscription({ workspaceId: "ws-1", workspaceName: "Acme", email: "ada@example.test", plan: "pro" });
    expect(result).toMatchObject({ customerId: "cus_123", subscriptionId: null, status: "incomplete", checkoutUrl: "https://checkout.stripe.com/c/pay/cs_test_1" });
    const session = find("POST", "/v1/checkout/sessions")!;
    expect(session.form.get("mode")).toBe("subscription");
    expect(session.form.get("subscription_data[trial_period_days]")).toBe("3");
    expect(session.form.get("line_items[0][price]")).toBe("price_pro");
    expect(session.form.get("success_url")).toBe("https://app.example.test/billing/checkout/success?session_id={CHECKOUT_SESSION_ID}");
    expect(find("POST", "/v1/subscriptions")).toBeUndefined();
  });

  it("rejects a plan without a Stripe price (lookup key) before creating anything", async () => {
    await expect(
      billing().startSubscription({ workspaceId: "ws-1", workspaceName: "Acme", email: "a@example.test", plan: "platinum" }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(find("POST", "/v1/customers")).toBeUndefined();
  });
});

describe("StripeBilling.attachSubscription", () => {
  it("links an existing subscription to the workspace and reports its state", async () => {
    const result = await billing().attachSubscription({ workspaceId: "ws-9", customerId: "cus_123", subscriptionId: "sub_paid" });
    expect(result).toMatchObject({ provider: "stripe", subscriptionId: "sub_paid", status: "active", plan: "pro", trialEndsAt: null });
    expect(find("POST", "/v1/subscriptions/sub_paid")!.form.get("metadata[workspace_id]")).toBe("ws-9");
  });

  it("refuses a subscription of another customer", async () => {
    await expect(billing().attachSubscription({ workspaceId: "ws-9", customerId: "cus_other", subscriptionId: "sub_paid" })).rejects.toMatchObject({
      code: "invalid",
    });
    expect(find("POST", "/v1/subscriptions/sub_paid")).toBeUndefined();
  });

  it("passes Stripe's error through for an unknown subscription", async () => {
    await expect(billing().attachSubscription({ workspaceId: "ws-9", customerId: "cus_123", subscriptionId: "sub_missing" })).rejects.toThrow(
      /No such subscription/,
    );
  });
});

describe("StripeBilling.cancelSubscription", () => {
  it("cancels, and treats an already deleted subscription as done", async () => {
    await billing().cancelSubscription("sub_live");
    expect(find("DELETE", "/v1/subscriptions/sub_live")).toBeDefined();
    await expect(billing().cancelSubscription("sub_gone")).resolves.toBeUndefined();
  });
});
