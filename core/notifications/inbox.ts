import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { notificationOwner, type NotificationDeps } from "./notification-deps.ts";
import type { Notification } from "./notification-repository.ts";

/** The caller's notifications in the workspace, newest first, with the total matching and the unread count. */
export async function listNotifications(
  deps: NotificationDeps,
  actor: Actor,
  input: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ items: Notification[]; total: number; unreadCount: number }> {
  const { schemaName, userId } = notificationOwner(actor);
  const [page, unreadCount] = await Promise.all([
    deps.notifications.list(schemaName, userId, input),
    deps.notifications.countUnread(schemaName, userId),
  ]);
  return { ...page, unreadCount };
}

/** How many of the caller's notifications are unread. */
export async function countUnreadNotifications(deps: NotificationDeps, actor: Actor): Promise<number> {
  const { schemaName, userId } = notificationOwner(actor);
  return deps.notifications.countUnread(schemaName, userId);
}

/**
 * Marks one notification read (`notificationId`), or all of them. An id that is not the
 * caller's is NotFound; marking an already-read one again changes nothing (`updated: 0`).
 */
export async function markNotificationsRead(
  deps: NotificationDeps,
  actor: Actor,
  input: { notificationId?: string | null },
): Promise<{ updated: number }> {
  const { schemaName, userId } = notificationOwner(actor);
  const id = input.notificationId ?? null;
  const updated = await deps.notifications.markRead(schemaName, userId, id, deps.now());
  if (id !== null && updated === 0 && !(await deps.notifications.exists(schemaName, userId, id))) throw new NotFound("notification", id);
  return { updated };
}
