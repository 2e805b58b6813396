import type { NotificationEmailStore } from "../../../core/notifications/deliver-notifications.ts";
import type { PendingEmails } from "../../../core/notifications/notification-emails.ts";
import type { Logger } from "../../../core/ports/logger.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import { toSettings } from "./postgres-notification-repository.ts";

const isMissingTable = (error: unknown): boolean => (error as { code?: string } | null)?.code === "42P01";

/** Notification emails: addresses from `public.users`, queue and claims in each tenant's `notifications`. */
export class PostgresNotificationEmailStore implements NotificationEmailStore {
  constructor(
    private readonly handle: DatabaseHandle,
    private readonly logger?: Logger,
  ) {}

  async emailAddresses(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.handle.db
      .selectFrom("users")
      .select(["id", "email"])
      .where("id", "in", [...new Set(userIds)])
      .where("is_active", "=", true)
      .execute();
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  async claimForEmail(schemaName: string, ids: string[], at: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx.updateTable("notifications").set({ emailed_at: at }).where("id", "in", ids).where("email_wanted", "=", true).where("emailed_at", "is", null).returning("id").execute(),
    );
    return rows.map((r) => r.id);
  }

  async releaseEmailClaim(schemaName: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx.updateTable("notifications").set({ emailed_at: null }).where("id", "in", ids).execute(),
    );
  }

  async markDigestSent(schemaName: string, userId: string, at: Date): Promise<void> {
    await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx
        .insertInto("notification_settings")
        .values({ user_id: userId, last_digest_at: at, updated_at: at })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ last_digest_at: at }))
        .execute(),
    );
  }

  async pendingEmails(now: Date, instantGraceMs: number): Promise<PendingEmails[]> {
    const workspaces = await this.handle.db
      .selectFrom("workspaces")
      .select(["id", "schema_name"])
      .where("status", "=", "active")
      .where("deleted_at", "is", null)
      .orderBy("id")
      .execute();
    const instantBefore = new Date(now.getTime() - instantGraceMs);
    const result: PendingEmails[] = [];
    for (const workspace of workspaces) {
      let rows;
      try {
        rows = await tenantDatabase(this.handle, workspace.schema_name).transaction(async (trx) => {
          const pending = await trx
            .selectFrom("notifications")
            .select(["id", "user_id", "type", "title", "body", "created_at"])
            .where("email_wanted", "=", true)
            .where("emailed_at", "is", null)
            .orderBy("created_at")
            .limit(5_000)
            .execute();
          const userIds = [...new Set(pending.map((p) => p.user_id))];
          const settings = userIds.length
            ? await trx.selectFrom("notification_settings").selectAll().where("user_id", "in", userIds).execute()
            : [];
          return { pending, settings };
        });
      } catch (error) {
        if (isMissingTable(error)) continue; // a schema not migrated to 0006 yet has no notifications
        // One broken tenant (e.g. dropped while we scan) must not hold back everyone else's mail.
        this.logger?.warn("notification emails: skipped a workspace", { workspace_id: workspace.id, error });
        continue;
      }
      const byUser = new Map<string, typeof rows.pending>();
      for (const p of rows.pending) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
      const addresses = await this.emailAddresses([...byUser.keys()]);
      for (const [userId, items] of byUser) {
        const email = addresses.get(userId);
        if (!email) continue;
        const settings = toSettings(rows.settings.find((s) => s.user_id === userId));
        const due = settings.emailDeliveryMode === "instant" ? items.filter((n) => n.created_at < instantBefore) : items;
        if (due.length === 0) continue;
        result.push({
          schemaName: workspace.schema_name,
          workspaceId: workspace.id,
          userId,
          email,
          emailDeliveryMode: settings.emailDeliveryMode,
          digestFrequencyMinutes: settings.digestFrequencyMinutes,
          lastDigestAt: settings.lastDigestAt,
          notifications: due.map((n) => ({ id: n.id, type: n.type, title: n.title, body: n.body, createdAt: n.created_at })),
        });
      }
    }
    return result;
  }
}
