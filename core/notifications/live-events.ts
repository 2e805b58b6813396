/** The pub/sub channel a user's new notifications go out on (every workspace of theirs). */
export function userNotificationsChannel(userId: string): string {
  return `user:${userId}:notifications`;
}

/**
 * One event of the live stream: its SSE name, a time-ordered id (UUIDv7) and its JSON text
 * (encoded once, not once per connection).
 */
export type LiveEvent = { event: "notification" | "workspace_event"; id: string; data: string };

/** The `workspace_event` a domain event type becomes, or null for types clients need not refetch on. */
export function workspaceEventType(eventType: string): string | null {
  if (eventType.startsWith("member.") || eventType.startsWith("invitation.")) return "members_updated";
  if (eventType.startsWith("team.")) return "teams_updated";
  if (eventType === "permissions.updated") return "permissions_updated";
  if (eventType === "module.toggled") return "modules_updated";
  if (eventType.startsWith("api_key.")) return "api_keys_updated";
  return null;
}

/** The `workspace_event` payload for a message of `ws:<id>:events` (see core/events/event-subscribers.ts), or null. */
export function workspaceLiveEvent(message: string): LiveEvent | null {
  let parsed: { id?: unknown; workspace_id?: unknown; type?: unknown; actor_id?: unknown; entity?: unknown; occurred_at?: unknown };
  try {
    parsed = JSON.parse(message) as typeof parsed;
  } catch {
    return null;
  }
  if (typeof parsed.id !== "string" || typeof parsed.type !== "string") return null;
  const eventType = workspaceEventType(parsed.type);
  if (!eventType) return null;
  return {
    event: "workspace_event",
    id: parsed.id,
    data: JSON.stringify({
      event_type: eventType,
      workspace_id: parsed.workspace_id,
      source_event: parsed.type,
      actor_id: parsed.actor_id ?? null,
      entity: parsed.entity ?? null,
      occurred_at: parsed.occurred_at ?? null,
    }),
  };
}

/**
 * The `notification` events of a message of `user:<id>:notifications`: one NotificationView,
 * or an array of them (a batch from `recordMany`: one message per user, not per
 * notification). Malformed messages and items give nothing.
 */
export function notificationLiveEvents(message: string): LiveEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return [];
  }
  const one = (view: unknown, data: string | null): LiveEvent[] => {
    const id = (view as { id?: unknown } | null)?.id;
    return typeof id === "string" ? [{ event: "notification", id, data: data ?? JSON.stringify(view) }] : [];
  };
  return Array.isArray(parsed) ? parsed.flatMap((view) => one(view, null)) : one(parsed, message);
}

/** The message carrying `views` (NotificationView JSON texts) on `user:<id>:notifications`. */
export function notificationsMessage(views: readonly string[]): string {
  return views.length === 1 ? views[0]! : `[${views.join(",")}]`;
}

/**
 * `parse` remembering its last input: a channel's message reaches every local listener in
 * turn with the same string, so it is decoded once, not once per connection.
 */
export function parsedOnce<T>(parse: (message: string) => T): (message: string) => T {
  let last: { message: string; value: T } | null = null;
  return (message) => {
    if (last?.message !== message) last = { message, value: parse(message) };
    return last.value;
  };
}
