import type { JobHandler } from "../../core/jobs/job-handler.ts";
import { sendNotificationDigests, type NotificationDeliveryDeps } from "../../core/notifications/deliver-notifications.ts";

/** Job type of the digest run (scheduled every 30 minutes by jobs/scheduler.ts). */
export const NOTIFICATIONS_DIGEST_JOB = "notifications.digest";

/** What the digest handler needs from the app's services. */
export type NotificationsDigestServices = { notificationDelivery: NotificationDeliveryDeps };

/**
 * Sends each user whose digest is due one email with their unsent notifications (what
 * needs attention first) and marks them emailed; also retries instant emails that did not
 * go out after commit. Safe to run twice: notifications are claimed before mailing.
 */
export function notificationsDigestHandler(services: NotificationsDigestServices): JobHandler {
  return async ({ reportProgress }) => {
    const result = await sendNotificationDigests(services.notificationDelivery);
    reportProgress(100, `${result.emails} email(s), ${result.notifications} notification(s)`);
    return result;
  };
}
