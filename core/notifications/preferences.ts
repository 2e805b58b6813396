import type { Actor } from "../auth/actor.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import { channelKey, findEventType, notificationChannels, notificationEventTypes, type ChannelSettings } from "./event-catalog.ts";
import { notificationOwner, type NotificationDeps } from "./notification-deps.ts";
import type { NotificationPreference, PreferenceInput } from "./notification-repository.ts";

/** Refuses event types the catalog does not know (422, naming the field). */
export function assertKnownEventType(eventType: string, field = "event_type"): void {
  if (!findEventType(eventType)) throw new Invalid("unknown notification event type", [{ field, message: `"${eventType}" is not a notification event type` }]);
}

/** One preference row per catalog event type and channel, set to the recommended value. */
export function recommendedPreferenceInputs(): PreferenceInput[] {
  return notificationEventTypes.flatMap((entry) =>
    notificationChannels.map((channel) => ({ eventType: entry.type, channel, enabled: entry.defaults[channelKey(channel)] })),
  );
}

/** The recommended channels of every event type, grouped by category (catalog order). */
export function getDefaultNotificationPreferences(): Record<string, Record<string, ChannelSettings & { label: string; description: string }>> {
  const grouped: Record<string, Record<string, ChannelSettings & { label: string; description: string }>> = {};
  for (const entry of notificationEventTypes) {
    grouped[entry.category] ??= {};
    grouped[entry.category]![entry.type] = { ...entry.defaults, label: entry.label, description: entry.description };
  }
  return grouped;
}

/** The caller's v1 preference rows in the workspace. */
export async function listMyNotificationPreferences(deps: NotificationDeps, actor: Actor): Promise<NotificationPreference[]> {
  const { schemaName, userId } = notificationOwner(actor);
  return deps.notifications.listPreferences(schemaName, userId);
}

/** Creates one preference row; a second row for the same event type and channel is a Conflict. */
export async function createNotificationPreference(deps: NotificationDeps, actor: Actor, input: PreferenceInput): Promise<NotificationPreference> {
  const { schemaName, userId } = notificationOwner(actor);
  assertKnownEventType(input.eventType);
  const created = await deps.notifications.createPreference(schemaName, userId, input, deps.now());
  if (!created) throw new Conflict(`a preference for ${input.eventType} on ${input.channel} exists already; update it instead`);
  return created;
}

/** Changes one of the caller's own rows; another user's or an unknown id is NotFound. */
export async function updateNotificationPreference(
  deps: NotificationDeps,
  actor: Actor,
  id: string,
  changes: Partial<PreferenceInput>,
): Promise<NotificationPreference> {
  const { schemaName, userId } = notificationOwner(actor);
  if (changes.eventType !== undefined) assertKnownEventType(changes.eventType);
  const updated = await deps.notifications.updatePreference(schemaName, userId, id, changes, deps.now());
  if (updated === null) throw new NotFound("notification preference", id);
  if (updated === "duplicate") throw new Conflict("another of your preferences has that event type and channel");
  return updated;
}

/** Deletes one of the caller's own rows (the event type falls back to its defaults). */
export async function deleteNotificationPreference(deps: NotificationDeps, actor: Actor, id: string): Promise<void> {
  const { schemaName, userId } = notificationOwner(actor);
  if (!(await deps.notifications.deletePreference(schemaName, userId, id))) throw new NotFound("notification preference", id);
}

/** Upserts each row by event type and channel, all or nothing. */
export async function bulkUpdateNotificationPreferences(
  deps: NotificationDeps,
  actor: Actor,
  inputs: PreferenceInput[],
): Promise<NotificationPreference[]> {
  const { schemaName, userId } = notificationOwner(actor);
  inputs.forEach((input, i) => assertKnownEventType(input.eventType, `preferences.${i}.event_type`));
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    const key = `${input.eventType}/${input.channel}`;
    if (seen.has(key)) throw new Invalid("the same event type and channel appear twice", [{ field: `preferences.${i}`, message: `${key} repeats an earlier item` }]);
    seen.add(key);
  });
  return deps.notifications.upsertPreferences(schemaName, userId, inputs, deps.now());
}

/** Deletes the caller's rows and mutes, and writes the recommended rows back. */
export async function resetNotificationPreferences(deps: NotificationDeps, actor: Actor): Promise<NotificationPreference[]> {
  const { schemaName, userId } = notificationOwner(actor);
  return deps.notifications.replacePreferences(schemaName, userId, recommendedPreferenceInputs(), deps.now());
}
