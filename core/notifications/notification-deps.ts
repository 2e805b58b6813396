import type { Actor } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import type { NotificationRepository } from "./notification-repository.ts";

/** What the notification use-cases need. */
export type NotificationDeps = { notifications: NotificationRepository; now(): Date };

/** The workspace schema and the user whose own notifications a request reads or changes. */
export function notificationOwner(actor: Actor): { schemaName: string; userId: string } {
  // Notifications belong to a person; an API key has no inbox.
  if (actor.kind !== "user" || !actor.workspace) throw new Forbidden("notifications belong to a signed-in user in a workspace");
  return { schemaName: actor.workspace.schemaName, userId: actor.userId };
}
