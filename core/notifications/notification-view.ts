import type { Notification } from "./notification-repository.ts";

/** A notification as the API and the live stream show it (snake_case, ISO timestamps). */
export type NotificationView = {
  id: string;
  workspace_id: string;
  type: string;
  title: string;
  body: string | null;
  actor_id: string | null;
  event_id: string | null;
  entity: { type: string; id: string; name: string | null } | null;
  data: Record<string, unknown>;
  is_read: boolean;
  read_at: string | null;
  created_at: string;
  emailed_at: string | null;
};

/** The JSON shape of `notification` in workspace `workspaceId`. */
export function notificationView(notification: Notification, workspaceId: string): NotificationView {
  return {
    id: notification.id,
    workspace_id: workspaceId,
    type: notification.type,
    title: notification.title,
    body: notification.body,
    actor_id: notification.actorId,
    event_id: notification.eventId,
    entity: notification.entity,
    data: notification.data,
    is_read: notification.readAt !== null,
    read_at: notification.readAt?.toISOString() ?? null,
    created_at: notification.createdAt.toISOString(),
    emailed_at: notification.emailedAt?.toISOString() ?? null,
  };
}
