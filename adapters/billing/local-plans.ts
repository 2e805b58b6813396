import type { Kysely } from "kysely";
import { Invalid } from "../../core/errors.ts";
import { isUuid, newId } from "../../core/ids.ts";
import {
  DEFAULT_PLAN,
  type AttachSubscriptionInput,
  type BillingProvider,
  type BillingSubscription,
  type StartSubscriptionInput,
} from "../../core/ports/billing.ts";
import type { PlatformDatabase } from "../postgres/platform-schema.ts";

/**
 * Embedded billing (no STRIPE_SECRET_KEY): any active tier of `billing_plans` is granted at
 * once, without payment or trial, as a row of `billing_subscriptions`. The customer is the
 * workspace itself; the subscription id is the row's id.
 */
export class LocalPlansBilling implements BillingProvider {
  readonly kind = "local" as const;
  readonly trialDays = 0;

  constructor(
    private readonly db: Kysely<PlatformDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async startSubscription(input: StartSubscriptionInput): Promise<BillingSubscription> {
    return this.grant(input.workspaceId, input.plan, null, null);
  }

  async attachSubscription(input: AttachSubscriptionInput): Promise<BillingSubscription> {
    return this.grant(input.workspaceId, input.plan ?? DEFAULT_PLAN, input.customerId, input.subscriptionId);
  }

  async cancelSubscription(subscriptionId: string): Promise<void> {
    if (!isUuid(subscriptionId)) return;
    const now = this.now();
    await this.db
      .updateTable("billing_subscriptions")
      .set({ status: "canceled", canceled_at: now, updated_at: now })
      .where("id", "=", subscriptionId)
      .where("canceled_at", "is", null)
      .execute();
  }

  private async grant(
    workspaceId: string,
    plan: string,
    externalCustomerId: string | null,
    externalSubscriptionId: string | null,
  ): Promise<BillingSubscription> {
    const known = await this.db
      .selectFrom("billing_plans")
      .select("code")
      .where("code", "=", plan)
      .where("is_active", "=", true)
      .executeTakeFirst();
    if (!known) throw new Invalid(`unknown plan "${plan}"`, [{ field: "plan", message: "no such plan" }]);
    const id = newId();
    await this.db
      .insertInto("billing_subscriptions")
      .values({
        id,
        workspace_id: workspaceId,
        plan_code: plan,
        status: "active",
        external_customer_id: externalCustomerId,
        external_subscription_id: externalSubscriptionId,
      })
      .execute();
    return {
      provider: "local",
      customerId: workspaceId,
      subscriptionId: id,
      plan,
      status: "active",
      trialEndsAt: null,
      checkoutUrl: null,
    };
  }
}
