import Stripe from "stripe";
import { Invalid } from "../../core/errors.ts";
import {
  TRIAL_DAYS,
  type AttachSubscriptionInput,
  type BillingProvider,
  type BillingSubscription,
  type StartSubscriptionInput,
  type SubscriptionStatus,
} from "../../core/ports/billing.ts";

export type StripeBillingOptions = {
  secretKey: string;
  /** Base of Checkout's success and cancel URLs (PUBLIC_URL). */
  publicUrl: string;
  trialDays?: number;
  /** SDK client options (host, port, protocol, retries): tests point it at msw. */
  client?: Stripe.StripeConfig;
};

/*
 * Plans map to Stripe prices by lookup key: the price whose `lookup_key` is the plan code
 * ("pro", "starter"...). Prices can then be changed in the Stripe dashboard (move the lookup
 * key) without a deploy or a config variable per plan.
 */

/** Billing through Stripe: customers, subscriptions with a trial, Checkout Sessions. */
export class StripeBilling implements BillingProvider {
  readonly kind = "stripe" as const;
  readonly trialDays: number;
  private readonly stripe: Stripe;

  constructor(private readonly options: StripeBillingOptions) {
    this.trialDays = options.trialDays ?? TRIAL_DAYS;
    this.stripe = new Stripe(options.secretKey, { maxNetworkRetries: 1, timeout: 20_000, ...options.client });
  }

  async startSubscription(input: StartSubscriptionInput): Promise<BillingSubscription> {
    const price = await this.priceFor(input.plan);
    const metadata = { workspace_id: input.workspaceId };
    const customer = await this.stripe.customers.create(
      { ...(input.email ? { email: input.email } : {}), name: input.workspaceName, metadata },
      { idempotencyKey: `customer-${input.workspaceId}` },
    );
    if (input.paymentMethodId) {
      await this.stripe.paymentMethods.attach(input.paymentMethodId, { customer: customer.id });
      const subscription = await this.stripe.subscriptions.create(
        {
          customer: customer.id,
          items: [{ price: price.id }],
          default_payment_method: input.paymentMethodId,
          trial_period_days: this.trialDays,
          metadata: { ...metadata, plan: input.plan },
        },
        { idempotencyKey: `subscription-${input.workspaceId}` },
      );
      return toBilling(subscription, customer.id, input.plan, null);
    }
    const base = this.options.publicUrl.replace(/\/+$/, "");
    const session = await this.stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 1 }],
      subscription_data: { trial_period_days: this.trialDays, metadata: { ...metadata, plan: input.plan } },
      client_reference_id: input.workspaceId,
      success_url: `${base}/billing/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/billing/checkout/cancelled`,
      metadata,
    });
    return {
      provider: "stripe",
      customerId: customer.id,
      subscriptionId: null,
      plan: input.plan,
      status: "incomplete",
      trialEndsAt: null,
      checkoutUrl: session.url,
    };
  }

  async attachSubscription(input: AttachSubscriptionInput): Promise<BillingSubscription> {
    const current = await this.stripe.subscriptions.retrieve(input.subscriptionId);
    const customerId = typeof current.customer === "string" ? current.customer : current.customer.id;
    if (customerId !== input.customerId) {
      throw new Invalid("the subscription belongs to another customer", [
        { field: "subscription", message: "customer mismatch" },
      ]);
    }
    const plan = current.metadata?.plan ?? current.items.data[0]?.price.lookup_key ?? input.plan ?? "pro";
    const updated = await this.stripe.subscriptions.update(input.subscriptionId, {
      metadata: { ...current.metadata, workspace_id: input.workspaceId, plan },
    });
    return toBilling(updated, customerId, plan, null);
  }

  async cancelSubscription(subscriptionId: string): Promise<void> {
    try {
      await this.stripe.subscriptions.cancel(subscriptionId);
    } catch (error) {
      // Already canceled or gone: the goal is reached.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && (error.statusCode === 404 || /canceled/i.test(error.message))) {
        return;
      }
      throw error;
    }
  }

  private async priceFor(plan: string): Promise<Stripe.Price> {
    const prices = await this.stripe.prices.list({ lookup_keys: [plan], active: true, limit: 1 });
    const price = prices.data[0];
    if (!price) throw new Invalid(`unknown plan "${plan}"`, [{ field: "plan", message: "no Stripe price has this lookup key" }]);
    return price;
  }
}

const STATUSES: Record<string, SubscriptionStatus> = {
  trialing: "trialing",
  active: "active",
  past_due: "past_due",
  unpaid: "past_due",
  canceled: "canceled",
  incomplete_expired: "canceled",
};

function toBilling(
  subscription: Stripe.Subscription,
  customerId: string,
  plan: string,
  checkoutUrl: string | null,
): BillingSubscription {
  return {
    provider: "stripe",
    customerId,
    subscriptionId: subscription.id,
    plan,
    status: STATUSES[subscription.status] ?? "incomplete",
    trialEndsAt: subscription.trial_end ? new Date(subscription.trial_end * 1000) : null,
    checkoutUrl,
  };
}
