import { sql, type Selectable, type Transaction } from "kysely";
import type { NotificationChannel } from "../../../core/notifications/event-catalog.ts";
import {
  defaultNotificationSettings,
  type EmailDeliveryMode,
  type EventTypeSettings,
  type Notification,
  type NotificationPreference,
  type NotificationRepository,
  type NotificationSettings,
  type PreferenceInput,
} from "../../../core/notifications/notification-repository.ts";
import { newId } from "../../../core/ids.ts";
import { jsonb } from "../jsonb.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type {
  NotificationPreferencesTable,
  NotificationSettingsTable,
  NotificationsTable,
  TenantDatabase,
} from "../tenant-schema.ts";

/** A notifications row as the domain sees it. */
export function toNotification(row: Selectable<NotificationsTable>): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    eventId: row.event_id,
    type: row.type,
    title: row.title,
    body: row.body,
    actorId: row.actor_id,
    entity: row.entity_type && row.entity_id ? { type: row.entity_type, id: row.entity_id, name: row.entity_name } : null,
    data: row.data,
    readAt: row.read_at,
    createdAt: row.created_at,
    emailedAt: row.emailed_at,
  };
}

function toPreference(row: Selectable<NotificationPreferencesTable>): NotificationPreference {
  return {
    id: row.id,
    userId: row.user_id,
    eventType: row.event_type,
    channel: row.channel,
    enabled: row.enabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Settings from a row, or the defaults. */
export function toSettings(row: Selectable<NotificationSettingsTable> | undefined): NotificationSettings {
  if (!row) return { ...defaultNotificationSettings, mutedEventTypes: [] };
  return {
    emailDeliveryMode: row.email_delivery_mode,
    digestFrequencyMinutes: row.digest_frequency_minutes === 60 ? 60 : 30,
    mutedEventTypes: row.muted_event_types,
    lastDigestAt: row.last_digest_at,
  };
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === "23505";

async function upsertRows(trx: Transaction<TenantDatabase>, userId: string, inputs: PreferenceInput[], now: Date): Promise<NotificationPreference[]> {
  if (inputs.length === 0) return [];
  const rows = await trx
    .insertInto("notification_preferences")
    .values(inputs.map((i) => ({ id: newId(), user_id: userId, event_type: i.eventType, channel: i.channel, enabled: i.enabled, created_at: now, updated_at: now })))
    .onConflict((oc) => oc.columns(["user_id", "event_type", "channel"]).doUpdateSet({ enabled: (eb) => eb.ref("excluded.enabled"), updated_at: now }))
    .returningAll()
    .execute();
  const byKey = new Map(rows.map((r) => [`${r.event_type}/${r.channel}`, toPreference(r)]));
  return inputs.map((i) => byKey.get(`${i.eventType}/${i.channel}`)!);
}

/** Notifications, preferences and settings in the tenant's tables, always filtered by user. */
export class PostgresNotificationRepository implements NotificationRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  private tenant(schemaName: string) {
    return tenantDatabase(this.handle, schemaName);
  }

  async list(schemaName: string, userId: string, query: { unreadOnly: boolean; limit: number; offset: number }): Promise<{ items: Notification[]; total: number }> {
    return this.tenant(schemaName).transaction(async (trx) => {
      let base = trx.selectFrom("notifications").where("user_id", "=", userId);
      if (query.unreadOnly) base = base.where("read_at", "is", null);
      const rows = await base.selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(query.limit).offset(query.offset).execute();
      const total = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      return { items: rows.map(toNotification), total: total.n };
    });
  }

  async countUnread(schemaName: string, userId: string): Promise<number> {
    const row = await this.tenant(schemaName).transaction((trx) =>
      trx.selectFrom("notifications").select(sql<number>`count(*)::int`.as("n")).where("user_id", "=", userId).where("read_at", "is", null).executeTakeFirstOrThrow(),
    );
    return row.n;
  }

  async exists(schemaName: string, userId: string, id: string): Promise<boolean> {
    const row = await this.tenant(schemaName).transaction((trx) =>
      trx.selectFrom("notifications").select("id").where("user_id", "=", userId).where("id", "=", id).executeTakeFirst(),
    );
    return row !== undefined;
  }

  async markRead(schemaName: string, userId: string, id: string | null, now: Date): Promise<number> {
    const result = await this.tenant(schemaName).transaction((trx) => {
      let query = trx.updateTable("notifications").set({ read_at: now }).where("user_id", "=", userId).where("read_at", "is", null);
      if (id !== null) query = query.where("id", "=", id);
      return query.executeTakeFirst();
    });
    return Number(result.numUpdatedRows);
  }

  async listPreferences(schemaName: string, userId: string): Promise<NotificationPreference[]> {
    const rows = await this.tenant(schemaName).transaction((trx) =>
      trx.selectFrom("notification_preferences").selectAll().where("user_id", "=", userId).orderBy("event_type").orderBy("channel").execute(),
    );
    return rows.map(toPreference);
  }

  async createPreference(schemaName: string, userId: string, input: PreferenceInput, now: Date): Promise<NotificationPreference | null> {
    const row = await this.tenant(schemaName).transaction((trx) =>
      trx
        .insertInto("notification_preferences")
        .values({ id: newId(), user_id: userId, event_type: input.eventType, channel: input.channel, enabled: input.enabled, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(["user_id", "event_type", "channel"]).doNothing())
        .returningAll()
        .executeTakeFirst(),
    );
    return row ? toPreference(row) : null;
  }

  async updatePreference(
    schemaName: string,
    userId: string,
    id: string,
    changes: Partial<PreferenceInput>,
    now: Date,
  ): Promise<NotificationPreference | "duplicate" | null> {
    try {
      const row = await this.tenant(schemaName).transaction((trx) =>
        trx
          .updateTable("notification_preferences")
          .set({
            ...(changes.eventType === undefined ? {} : { event_type: changes.eventType }),
            ...(changes.channel === undefined ? {} : { channel: changes.channel }),
            ...(changes.enabled === undefined ? {} : { enabled: changes.enabled }),
            updated_at: now,
          })
          .where("user_id", "=", userId)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst(),
      );
      return row ? toPreference(row) : null;
    } catch (error) {
      if (isUniqueViolation(error)) return "duplicate";
      throw error;
    }
  }

  async deletePreference(schemaName: string, userId: string, id: string): Promise<boolean> {
    const result = await this.tenant(schemaName).transaction((trx) =>
      trx.deleteFrom("notification_preferences").where("user_id", "=", userId).where("id", "=", id).executeTakeFirst(),
    );
    return Number(result.numDeletedRows) > 0;
  }

  async upsertPreferences(schemaName: string, userId: string, inputs: PreferenceInput[], now: Date): Promise<NotificationPreference[]> {
    return this.tenant(schemaName).transaction((trx) => upsertRows(trx, userId, inputs, now));
  }

  async replacePreferences(schemaName: string, userId: string, inputs: PreferenceInput[], now: Date): Promise<NotificationPreference[]> {
    return this.tenant(schemaName).transaction(async (trx) => {
      await trx.deleteFrom("notification_preferences").where("user_id", "=", userId).execute();
      await trx.updateTable("notification_settings").set({ muted_event_types: jsonb([]), updated_at: now }).where("user_id", "=", userId).execute();
      return upsertRows(trx, userId, inputs, now);
    });
  }

  async getSettings(schemaName: string, userId: string): Promise<NotificationSettings> {
    const row = await this.tenant(schemaName).transaction((trx) =>
      trx.selectFrom("notification_settings").selectAll().where("user_id", "=", userId).executeTakeFirst(),
    );
    return toSettings(row);
  }

  async saveEmailDelivery(schemaName: string, userId: string, mode: EmailDeliveryMode, minutes: 30 | 60, now: Date): Promise<NotificationSettings> {
    const row = await this.tenant(schemaName).transaction((trx) =>
      trx
        .insertInto("notification_settings")
        .values({ user_id: userId, email_delivery_mode: mode, digest_frequency_minutes: minutes, updated_at: now })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ email_delivery_mode: mode, digest_frequency_minutes: minutes, updated_at: now }))
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return toSettings(row);
  }

  async saveEventTypeSettings(schemaName: string, userId: string, eventType: string, changes: Partial<EventTypeSettings>, now: Date): Promise<void> {
    const channels: Array<[NotificationChannel, boolean | undefined]> = [
      ["in_app", changes.inapp],
      ["email", changes.email],
      ["whatsapp", changes.whatsapp],
    ];
    const inputs = channels.flatMap(([channel, enabled]) => (enabled === undefined ? [] : [{ eventType, channel, enabled }]));
    await this.tenant(schemaName).transaction(async (trx) => {
      await upsertRows(trx, userId, inputs, now);
      if (changes.muted === undefined) return;
      const current = toSettings(await trx.selectFrom("notification_settings").selectAll().where("user_id", "=", userId).forUpdate().executeTakeFirst());
      const muted = new Set(current.mutedEventTypes);
      if (changes.muted) muted.add(eventType);
      else muted.delete(eventType);
      await trx
        .insertInto("notification_settings")
        .values({ user_id: userId, muted_event_types: jsonb([...muted].sort()), updated_at: now })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ muted_event_types: jsonb([...muted].sort()), updated_at: now }))
        .execute();
    });
  }
}
