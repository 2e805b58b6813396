import type { DomainEvent } from "../events/domain-event.ts";
import { newId } from "../ids.ts";
import { findEventType } from "./event-catalog.ts";
import type { NotificationPreference, NotificationSettings } from "./notification-repository.ts";
import { effectiveSettings } from "./preferences-v2.ts";

/** A member who may be notified of an event, with what they chose. */
export type NotificationCandidate = {
  userId: string;
  preferences: NotificationPreference[];
  settings: NotificationSettings;
};

/** A notification to write for one recipient. */
export type PlannedNotification = {
  id: string;
  userId: string;
  eventId: string;
  type: string;
  title: string;
  body: string | null;
  actorId: string | null;
  entity: { type: string; id: string; name: string | null };
  data: Record<string, unknown>;
  /** Shown in the inbox as unread and pushed live; when false the row arrives read (email only). */
  inApp: boolean;
  email: boolean;
  /** Email goes out right after commit (instant mode); otherwise the digest job sends it. */
  emailNow: boolean;
  createdAt: Date;
};

/** Title and body of the notification an event makes (catalog label, entity name). */
export function describeEvent(event: DomainEvent): { title: string; body: string | null } {
  const entry = findEventType(event.type);
  const label = entry?.label ?? event.type.replace(/[._]/g, " ");
  const name = event.entity.name ?? null;
  return { title: name ? `${label}: ${name}` : label, body: entry?.description ?? null };
}

/**
 * Who gets a notification of `event` and on which channels. The audience (assignee,
 * mentioned, invited) is notified unless they muted the type or turned every channel off;
 * other candidates only when one of their own rows turns a channel on for this type. The
 * actor is never notified of what they did.
 */
export function planNotifications(
  event: DomainEvent,
  candidates: NotificationCandidate[],
  now: Date,
): PlannedNotification[] {
  const audience = new Set(event.audience ?? []);
  const { title, body } = describeEvent(event);
  const planned: PlannedNotification[] = [];
  for (const candidate of candidates) {
    if (candidate.userId === event.actorId) continue;
    const settings = effectiveSettings(event.type, candidate.preferences, candidate.settings);
    if (settings.muted) continue;
    if (!audience.has(candidate.userId)) {
      const subscribed = candidate.preferences.some(
        (p) => p.eventType === event.type && p.enabled && (p.channel === "in_app" || p.channel === "email"),
      );
      if (!subscribed) continue;
    }
    if (!settings.inapp && !settings.email) continue;
    planned.push({
      id: newId(),
      userId: candidate.userId,
      eventId: event.id,
      type: event.type,
      title,
      body,
      actorId: event.actorId,
      entity: { type: event.entity.type, id: event.entity.id, name: event.entity.name ?? null },
      data: { ...event.metadata, workspace_id: event.workspaceId, audience: audience.has(candidate.userId) },
      inApp: settings.inapp,
      email: settings.email,
      emailNow: settings.email && candidate.settings.emailDeliveryMode === "instant",
      createdAt: now,
    });
  }
  return planned;
}
