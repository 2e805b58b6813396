import type { Actor } from "../auth/actor.ts";
import { notificationOwner, type NotificationDeps } from "./notification-deps.ts";
import type { EmailDeliveryMode } from "./notification-repository.ts";

/** How the caller gets notification emails in this workspace. */
export type EmailDelivery = { emailDeliveryMode: EmailDeliveryMode; digestFrequencyMinutes: 30 | 60 };

/** The caller's email delivery mode (instant when never set). */
export async function getEmailDeliveryPreference(deps: NotificationDeps, actor: Actor): Promise<EmailDelivery> {
  const { schemaName, userId } = notificationOwner(actor);
  const settings = await deps.notifications.getSettings(schemaName, userId);
  return { emailDeliveryMode: settings.emailDeliveryMode, digestFrequencyMinutes: settings.digestFrequencyMinutes };
}

/** Sets the mode; the frequency is kept (or given) for when digest mode is on. */
export async function updateEmailDeliveryPreference(
  deps: NotificationDeps,
  actor: Actor,
  input: { emailDeliveryMode: EmailDeliveryMode; digestFrequencyMinutes?: 30 | 60 },
): Promise<EmailDelivery> {
  const { schemaName, userId } = notificationOwner(actor);
  const current = await deps.notifications.getSettings(schemaName, userId);
  const saved = await deps.notifications.saveEmailDelivery(
    schemaName,
    userId,
    input.emailDeliveryMode,
    input.digestFrequencyMinutes ?? current.digestFrequencyMinutes,
    deps.now(),
  );
  return { emailDeliveryMode: saved.emailDeliveryMode, digestFrequencyMinutes: saved.digestFrequencyMinutes };
}
