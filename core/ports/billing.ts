/**
 * Billing: a customer and a subscription per workspace. Served by Stripe when configured,
 * by local plans (tiers granted without payment) in embedded mode.
 *
 * @example
 * const sub = await billing.startSubscription({ workspaceId, workspaceName, email, plan: "pro" });
 * if (sub.checkoutUrl) redirectTo(sub.checkoutUrl); // Stripe without a payment method
 */

/** Subscription states, as Stripe names them (local plans use a subset). */
export type SubscriptionStatus = "trialing" | "active" | "incomplete" | "past_due" | "canceled";

/** What a workspace's billing looks like after a call. */
export type BillingSubscription = {
  provider: "stripe" | "local";
  customerId: string;
  /** Null while a Checkout Session is pending (the subscription is created when it completes). */
  subscriptionId: string | null;
  plan: string;
  status: SubscriptionStatus;
  trialEndsAt: Date | null;
  /** Where the customer completes payment, when no payment method was given. */
  checkoutUrl: string | null;
};

export type StartSubscriptionInput = {
  workspaceId: string;
  workspaceName: string;
  /** The billing contact (the owner), when known. */
  email?: string | null;
  plan: string;
  /** A payment method collected by the client (Stripe.js): the subscription is created at once. */
  paymentMethodId?: string | null;
};

export type AttachSubscriptionInput = {
  workspaceId: string;
  customerId: string;
  subscriptionId: string;
  /** The plan paid for, when known (the subscription's own plan wins where the provider has one). */
  plan?: string;
};

/** The billing provider port. */
export interface BillingProvider {
  readonly kind: "stripe" | "local";
  /** Trial length granted by `startSubscription`. */
  readonly trialDays: number;
  /** Creates the customer and a trialing subscription (or a Checkout Session to collect payment). */
  startSubscription(input: StartSubscriptionInput): Promise<BillingSubscription>;
  /** Links a subscription paid before the workspace existed (payment invites) to the workspace. */
  attachSubscription(input: AttachSubscriptionInput): Promise<BillingSubscription>;
  /** Cancels at once (compensation after a failed provisioning, or workspace deletion). Idempotent. */
  cancelSubscription(subscriptionId: string): Promise<void>;
}

/** The default plan of a new workspace. */
export const DEFAULT_PLAN = "pro";
/** Trial days of a new subscription (the product's signup promise). */
export const TRIAL_DAYS = 3;
