import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { channelKey, defaultChannels, findEventType, notificationEventTypes } from "./event-catalog.ts";
import { notificationOwner, type NotificationDeps } from "./notification-deps.ts";
import type { EventTypeSettings, NotificationPreference, NotificationSettings } from "./notification-repository.ts";

/** The settings in force for `eventType`: saved rows over the recommended defaults, plus mute. */
export function effectiveSettings(eventType: string, rows: NotificationPreference[], settings: NotificationSettings): EventTypeSettings {
  const result: EventTypeSettings = { ...defaultChannels(eventType), muted: settings.mutedEventTypes.includes(eventType) };
  for (const row of rows) if (row.eventType === eventType) result[channelKey(row.channel)] = row.enabled;
  return result;
}

/** Every catalog event type with the caller's settings, defaults filled in. */
export async function getNotificationPreferencesV2(deps: NotificationDeps, actor: Actor): Promise<Record<string, EventTypeSettings>> {
  const { schemaName, userId } = notificationOwner(actor);
  const [rows, settings] = await Promise.all([
    deps.notifications.listPreferences(schemaName, userId),
    deps.notifications.getSettings(schemaName, userId),
  ]);
  return Object.fromEntries(notificationEventTypes.map((entry) => [entry.type, effectiveSettings(entry.type, rows, settings)]));
}

/** Sets channels and mute of one catalog event type; an unknown type is NotFound. */
export async function updateNotificationPreferenceV2(
  deps: NotificationDeps,
  actor: Actor,
  eventType: string,
  changes: Partial<EventTypeSettings>,
): Promise<EventTypeSettings & { event_type: string }> {
  const { schemaName, userId } = notificationOwner(actor);
  if (!findEventType(eventType)) throw new NotFound("notification event type", eventType);
  await deps.notifications.saveEventTypeSettings(schemaName, userId, eventType, changes, deps.now());
  const [rows, settings] = await Promise.all([
    deps.notifications.listPreferences(schemaName, userId),
    deps.notifications.getSettings(schemaName, userId),
  ]);
  return { event_type: eventType, ...effectiveSettings(eventType, rows, settings) };
}
