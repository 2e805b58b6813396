import type { Transaction } from "kysely";
import type { DomainEvent } from "../../../core/events/domain-event.ts";
import type { BatchEventSubscriber, EventSubscriber } from "../../../core/events/event-subscribers.ts";
import { tenantTransactionOf } from "../events/postgres-event-recorder.ts";
import { workspaceEventType } from "../../../core/notifications/live-events.ts";
import { deliverNotifications, type NotificationDeliveryDeps } from "../../../core/notifications/deliver-notifications.ts";
import { planNotifications, type NotificationCandidate, type PlannedNotification } from "../../../core/notifications/plan-notifications.ts";
import { jsonb } from "../jsonb.ts";
import type { DatabaseHandle } from "../open-database.ts";
import type { TenantDatabase } from "../tenant-schema.ts";
import { tenantSchemaName } from "../tenant-names.ts";
import { toSettings } from "./postgres-notification-repository.ts";

/** Rows per multi-row INSERT: 14 parameters a row, well under Postgres's 65,535. */
const ROWS_PER_INSERT = 2000;

/**
 * Notifications from domain events. `subscriber` runs inside the recording transaction
 * (registered on the event subscribers): it picks the recipients (the event's audience,
 * plus members whose own preference rows turn the type on; never the actor), writes their
 * rows, and once the transaction committed (`EventContext.afterCommit`), delivers them
 * (live push, replay log, instant mail). A rolled-back change leaves no notification and
 * sends nothing.
 */
export class PostgresNotificationFanout {
  readonly #pending = new Set<Promise<void>>();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly delivery: NotificationDeliveryDeps,
  ) {}

  readonly subscriber: EventSubscriber = async (event, context) => {
    await this.subscriberMany([event], context);
  };

  /** The batch form (`recordMany`): one read of preferences and one multi-row insert for all events. */
  readonly subscriberMany: BatchEventSubscriber = async (events, context) => {
    const planned = await this.#write(tenantTransactionOf(context.transaction), events);
    // Nothing to push, mail or keep for replay: no need to wait for the commit.
    const live = events.filter((e) => (planned.get(e.id)?.length ?? 0) > 0 || workspaceEventType(e.type) !== null);
    if (live.length === 0) return;
    const schemaName = tenantSchemaName(events[0]!.workspaceId);
    const { done } = await context.afterCommit(() =>
      deliverNotifications(this.delivery, { schemaName, deliveries: live.map((event) => ({ event, planned: planned.get(event.id) ?? [] })) }),
    );
    this.#track(done);
  };

  /** Resolves once every delivery still waiting for a commit is done (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Plans and writes the notifications of `events`; returns them by event id. */
  async #write(trx: Transaction<TenantDatabase>, events: readonly DomainEvent[]): Promise<Map<string, PlannedNotification[]>> {
    const types = [...new Set(events.map((e) => e.type))];
    const audience = [...new Set(events.flatMap((e) => e.audience ?? []))];
    // One read for the preference rows of every possible recipient: the audience, and whoever
    // subscribed to one of these types (in-app or email). Three round trips in all, not four:
    // this runs once per recorded event.
    const preferences = await trx
      .selectFrom("notification_preferences")
      .selectAll()
      .where("event_type", "in", types)
      .where((eb) => {
        const subscribers = eb
          .selectFrom("notification_preferences as s")
          .select("s.user_id")
          .where("s.event_type", "in", types)
          .where("s.enabled", "=", true)
          .where("s.channel", "in", ["in_app", "email"]);
        return audience.length > 0 ? eb.or([eb("user_id", "in", audience), eb("user_id", "in", subscribers)]) : eb("user_id", "in", subscribers);
      })
      .execute();
    const subscribed = preferences.filter((p) => p.enabled && (p.channel === "in_app" || p.channel === "email"));
    const recipients = new Map(
      events.map((event) => {
        const wanted = [...(event.audience ?? []), ...subscribed.filter((r) => r.event_type === event.type).map((r) => r.user_id)];
        return [event.id, [...new Set(wanted)].filter((id) => id !== event.actorId)];
      }),
    );
    const userIds = [...new Set([...recipients.values()].flat())];
    const out = new Map<string, PlannedNotification[]>();
    if (userIds.length === 0) return out;
    const [settings, departed] = await Promise.all([
      trx.selectFrom("notification_settings").selectAll().where("user_id", "in", userIds).execute(),
      // Members who left keep their rows here but must not be notified any more.
      trx.selectFrom("members").select("user_id").where("user_id", "in", userIds).where("deleted_at", "is not", null).execute(),
    ]);
    const gone = new Set(departed.map((r) => r.user_id));
    const settingsOf = new Map(settings.map((s) => [s.user_id, toSettings(s)]));
    const defaults = toSettings(undefined);
    const rows: PlannedNotification[] = [];
    for (const event of events) {
      const candidates: NotificationCandidate[] = recipients
        .get(event.id)!
        .filter((id) => !gone.has(id))
        .map((userId) => ({
          userId,
          preferences: preferences
            .filter((p) => p.user_id === userId && p.event_type === event.type)
            .map((p) => ({ id: p.id, userId, eventType: p.event_type, channel: p.channel, enabled: p.enabled, createdAt: p.created_at, updatedAt: p.updated_at })),
          settings: settingsOf.get(userId) ?? defaults,
        }));
      const planned = planNotifications(event, candidates, event.occurredAt);
      out.set(event.id, planned);
      rows.push(...planned);
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto("notifications")
        .values(
          rows.slice(i, i + ROWS_PER_INSERT).map((n) => ({
            id: n.id,
            user_id: n.userId,
            event_id: n.eventId,
            type: n.type,
            title: n.title,
            body: n.body,
            actor_id: n.actorId,
            entity_type: n.entity.type,
            entity_id: n.entity.id,
            entity_name: n.entity.name,
            data: jsonb(n.data),
            // In-app off: the row is the email's record, not an unread item.
            read_at: n.inApp ? null : n.createdAt,
            created_at: n.createdAt,
            email_wanted: n.email,
          })),
        )
        .execute();
    }
    return out;
  }

  #track(work: Promise<void>): void {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
  }
}
