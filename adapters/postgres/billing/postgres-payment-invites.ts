import { sql, type Kysely, type Selectable } from "kysely";
import type {
  NewPaymentInvite,
  PaymentInvite,
  PaymentInviteRepository,
  StoredPaymentInvite,
} from "../../../core/billing/payment-invite-repository.ts";
import type { PlatformDatabase, StripePaymentInvitesTable } from "../platform-schema.ts";

type Row = Selectable<StripePaymentInvitesTable>;

/** Stripe payment invites in `public.stripe_payment_invites`, looked up by code hash. */
export class PostgresPaymentInvites implements PaymentInviteRepository {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async insert(invite: NewPaymentInvite): Promise<PaymentInvite> {
    const row = await this.db
      .insertInto("stripe_payment_invites")
      .values({
        id: invite.id,
        code_hash: invite.codeHash,
        email: invite.email,
        access_code_hash: invite.accessCodeHash,
        customer_name: invite.customerName,
        company_name: invite.companyName,
        plan: invite.plan,
        stripe_customer_id: invite.stripeCustomerId,
        stripe_subscription_id: invite.stripeSubscriptionId,
        expires_at: invite.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toInvite(row);
  }

  async findById(id: string): Promise<PaymentInvite | null> {
    const row = await this.db.selectFrom("stripe_payment_invites").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toInvite(row) : null;
  }

  async findByCodeHash(codeHash: string): Promise<PaymentInvite | null> {
    const row = await this.db.selectFrom("stripe_payment_invites").selectAll().where("code_hash", "=", codeHash).executeTakeFirst();
    return row ? toInvite(row) : null;
  }

  async listByEmail(email: string, limit: number): Promise<StoredPaymentInvite[]> {
    const rows = await this.db
      .selectFrom("stripe_payment_invites")
      .selectAll()
      .where(sql<string>`lower(email)`, "=", email.toLowerCase())
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...toInvite(row), accessCodeHash: row.access_code_hash }));
  }

  async claim(id: string, userId: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("stripe_payment_invites")
      .set({ used_at: now, used_by_user_id: userId })
      .where("id", "=", id)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async release(id: string, userId: string): Promise<void> {
    await this.db
      .updateTable("stripe_payment_invites")
      .set({ used_at: null, used_by_user_id: null, signup_job_id: null })
      .where("id", "=", id)
      .where("used_by_user_id", "=", userId)
      .where("workspace_id", "is", null)
      .execute();
  }

  async linkWorkspace(id: string, workspaceId: string): Promise<void> {
    await this.db.updateTable("stripe_payment_invites").set({ workspace_id: workspaceId }).where("id", "=", id).execute();
  }

  async setSignupJob(id: string, jobId: string): Promise<void> {
    await this.db.updateTable("stripe_payment_invites").set({ signup_job_id: jobId }).where("id", "=", id).execute();
  }

  async claimSession(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("stripe_payment_invites")
      .set({ session_issued_at: now })
      .where("id", "=", id)
      .where("workspace_id", "is not", null)
      .where("session_issued_at", "is", null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function toInvite(row: Row): PaymentInvite {
  return {
    id: row.id,
    email: row.email,
    customerName: row.customer_name,
    companyName: row.company_name,
    plan: row.plan,
    stripeCustomerId: row.stripe_customer_id,
    stripeSubscriptionId: row.stripe_subscription_id,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    usedByUserId: row.used_by_user_id,
    workspaceId: row.workspace_id,
    signupJobId: row.signup_job_id,
    createdAt: row.created_at,
  };
}
