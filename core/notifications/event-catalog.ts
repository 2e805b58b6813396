/** The delivery channels a user can choose per event type. */
export const notificationChannels = ["in_app", "email", "whatsapp"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** Channel switches for one event type. */
export type ChannelSettings = { inapp: boolean; email: boolean; whatsapp: boolean };

/** One notifiable event type: how it is grouped, named, and delivered by default. */
export type NotificationEventType = {
  type: string;
  category: string;
  label: string;
  description: string;
  defaults: ChannelSettings;
  /** Asks the recipient to act (assigned, mentioned, invited): listed first in digests. */
  needsAttention: boolean;
};

const on = (email: boolean): ChannelSettings => ({ inapp: true, email, whatsapp: false });

function entry(
  type: string,
  category: string,
  label: string,
  description: string,
  defaults: ChannelSettings,
  needsAttention = false,
): NotificationEventType {
  return { type, category, label, description, defaults, needsAttention };
}

/**
 * Every event type a user can be notified about, with the recommended channels. Sections
 * that emit new event types append them here; an unknown type still notifies its audience
 * with {@link fallbackDefaults}.
 */
export const notificationEventTypes: readonly NotificationEventType[] = [
  entry("member.added", "Team & members", "Member added", "Someone joined the workspace", on(false)),
  entry("member.removed", "Team & members", "Member removed", "Someone left or was removed from the workspace", on(false)),
  entry("member.role_changed", "Team & members", "Role changed", "A member's role changed (yours included)", on(true), true),
  entry("invitation.sent", "Team & members", "Invitation sent", "Someone was invited to the workspace", on(false)),
  entry("invitation.accepted", "Team & members", "Invitation accepted", "An invited person joined", on(true)),
  entry("team.created", "Teams", "Team created", "A team was created", on(false)),
  entry("team.updated", "Teams", "Team updated", "A team was renamed or changed", on(false)),
  entry("team.deleted", "Teams", "Team deleted", "A team was deleted", on(false)),
  entry("team.member_added", "Teams", "Added to a team", "A member joined a team (you included)", on(true), true),
  entry("team.member_removed", "Teams", "Removed from a team", "A member left a team", on(false)),
  entry("team.member_role_changed", "Teams", "Team role changed", "A member became team lead or member", on(false)),
  entry("api_key.created", "Security", "API key created", "A new API key can access the workspace", on(true)),
  entry("api_key.revoked", "Security", "API key revoked", "An API key was revoked", on(true)),
  entry("api_key.rotated", "Security", "API key rotated", "An API key was replaced by a new one", on(false)),
  entry("api_key.updated", "Security", "API key updated", "An API key's name, scopes or status changed", on(false)),
  entry("api_key.deleted", "Security", "API key deleted", "An API key was deleted", on(false)),
  entry("permissions.updated", "Security", "Permissions updated", "A role's permissions changed", on(true)),
  entry("module.toggled", "Workspace", "Module switched", "A module was turned on or off", on(false)),
  entry("task.assigned", "Work", "Task assigned", "A task was assigned to you", on(true), true),
  entry("task.created", "Work", "Task created for you", "A task on a record was created with you as assignee", on(true), true),
  entry("task.updated", "Work", "Task updated", "A task assigned to you changed", on(false)),
  entry("task.completed", "Work", "Task completed", "A task assigned to you was completed", on(false)),
  entry("record.commented", "Work", "Record comment", "Someone commented on a record", on(false)),
  entry("interaction.logged", "CRM", "Interaction logged", "A call, email or meeting was logged on a record", on(false)),
  entry("insight.generated", "CRM", "Insight generated", "An AI insight was generated for a record", on(false)),
  entry("recordset.access_granted", "Data", "Recordset shared with you", "You were given access to a recordset", on(false), true),
  entry("recordset.created", "Data", "Recordset created", "A new recordset was created", on(false)),
  entry("recordset.deleted", "Data", "Recordset moved to trash", "A recordset was moved to the trash (purged after 30 days)", on(false)),
  entry("comment.mentioned", "Work", "Mentioned in a comment", "Someone mentioned you", on(true), true),
  entry("record.assigned", "Work", "Record assigned", "A record was assigned to you", on(true), true),
  entry("import.completed", "Data", "Import finished", "An import you started finished", on(true)),
  entry("export.completed", "Data", "Export ready", "An export you asked for is ready to download", on(true)),
  entry("activity_export.completed", "Data", "Activity export ready", "An activity export you asked for is ready to download", on(true)),
];

/** Channels for an event type the catalog does not know: in-app only. */
export const fallbackDefaults: ChannelSettings = { inapp: true, email: false, whatsapp: false };

const byType = new Map(notificationEventTypes.map((e) => [e.type, e]));

/** The catalog entry of `type`, or null. */
export function findEventType(type: string): NotificationEventType | null {
  return byType.get(type) ?? null;
}

/** Recommended channels of `type`. */
export function defaultChannels(type: string): ChannelSettings {
  return byType.get(type)?.defaults ?? fallbackDefaults;
}

/** Channel name (`in_app`) to its key in {@link ChannelSettings} (`inapp`). */
export function channelKey(channel: NotificationChannel): keyof ChannelSettings {
  return channel === "in_app" ? "inapp" : channel;
}
