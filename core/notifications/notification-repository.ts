import type { ChannelSettings, NotificationChannel } from "./event-catalog.ts";

/** One notification in a user's inbox. */
export type Notification = {
  id: string;
  userId: string;
  eventId: string | null;
  type: string;
  title: string;
  body: string | null;
  actorId: string | null;
  entity: { type: string; id: string; name: string | null } | null;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
  emailedAt: Date | null;
};

/** A v1 preference row: one event type on one channel. */
export type NotificationPreference = {
  id: string;
  userId: string;
  eventType: string;
  channel: NotificationChannel;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type PreferenceInput = { eventType: string; channel: NotificationChannel; enabled: boolean };

export type EmailDeliveryMode = "instant" | "digest";

/** A user's per-workspace notification settings; defaults when never saved. */
export type NotificationSettings = {
  emailDeliveryMode: EmailDeliveryMode;
  digestFrequencyMinutes: 30 | 60;
  mutedEventTypes: string[];
  lastDigestAt: Date | null;
};

export const defaultNotificationSettings: NotificationSettings = {
  emailDeliveryMode: "instant",
  digestFrequencyMinutes: 30,
  mutedEventTypes: [],
  lastDigestAt: null,
};

/** v2 settings of one event type: channels plus mute. */
export type EventTypeSettings = ChannelSettings & { muted: boolean };

/**
 * Notifications and preferences of the users of one workspace (tenant tables). Every
 * method takes the tenant schema and the user: a user never reads or changes another's rows.
 */
export interface NotificationRepository {
  list(schemaName: string, userId: string, query: { unreadOnly: boolean; limit: number; offset: number }): Promise<{ items: Notification[]; total: number }>;
  countUnread(schemaName: string, userId: string): Promise<number>;
  /** True when `id` is one of the user's notifications. */
  exists(schemaName: string, userId: string, id: string): Promise<boolean>;
  /** Marks `id` (or every unread one when null) read; how many changed. */
  markRead(schemaName: string, userId: string, id: string | null, now: Date): Promise<number>;

  listPreferences(schemaName: string, userId: string): Promise<NotificationPreference[]>;
  /** Null when the user already has a row for that event type and channel. */
  createPreference(schemaName: string, userId: string, input: PreferenceInput, now: Date): Promise<NotificationPreference | null>;
  /** Null when the id is not one of the user's rows. Throws on a duplicate event type+channel. */
  updatePreference(schemaName: string, userId: string, id: string, changes: Partial<PreferenceInput>, now: Date): Promise<NotificationPreference | "duplicate" | null>;
  deletePreference(schemaName: string, userId: string, id: string): Promise<boolean>;
  /** Upserts by (event type, channel) in one transaction; the rows in input order. */
  upsertPreferences(schemaName: string, userId: string, inputs: PreferenceInput[], now: Date): Promise<NotificationPreference[]>;
  /** Deletes every row of the user and writes `inputs`, in one transaction; also clears mutes. */
  replacePreferences(schemaName: string, userId: string, inputs: PreferenceInput[], now: Date): Promise<NotificationPreference[]>;

  getSettings(schemaName: string, userId: string): Promise<NotificationSettings>;
  saveEmailDelivery(schemaName: string, userId: string, mode: EmailDeliveryMode, minutes: 30 | 60, now: Date): Promise<NotificationSettings>;
  /** Sets the given channels and mute of one event type, in one transaction. */
  saveEventTypeSettings(schemaName: string, userId: string, eventType: string, changes: Partial<EventTypeSettings>, now: Date): Promise<void>;
}
