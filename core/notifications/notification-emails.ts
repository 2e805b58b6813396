import type { MailMessage } from "../ports/mailer.ts";
import { findEventType } from "./event-catalog.ts";

/** What an email needs to know of one notification. */
export type EmailedNotification = { id: string; type: string; title: string; body: string | null; createdAt: Date };

/** Pending notification emails of one user in one workspace (the digest job's unit of work). */
export type PendingEmails = {
  schemaName: string;
  workspaceId: string;
  userId: string;
  email: string;
  emailDeliveryMode: "instant" | "digest";
  digestFrequencyMinutes: 30 | 60;
  lastDigestAt: Date | null;
  notifications: EmailedNotification[];
};

/** The one email of an instant notification. */
export function instantEmail(to: string, notification: EmailedNotification, publicUrl: string): MailMessage {
  return {
    to: [to],
    subject: notification.title,
    text: [notification.title, notification.body ?? "", "", `Open your notifications: ${publicUrl}/notifications`].join("\n"),
  };
}

/** Puts notifications that ask the reader to act (assigned, mentioned, invited) first, newest first within each group. */
export function orderForDigest(notifications: EmailedNotification[]): { attention: EmailedNotification[]; other: EmailedNotification[] } {
  const newest = [...notifications].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return {
    attention: newest.filter((n) => findEventType(n.type)?.needsAttention === true),
    other: newest.filter((n) => findEventType(n.type)?.needsAttention !== true),
  };
}

/** One digest email for all of a user's pending notifications; what needs attention comes first. */
export function digestEmail(to: string, notifications: EmailedNotification[], publicUrl: string): MailMessage {
  const { attention, other } = orderForDigest(notifications);
  const line = (n: EmailedNotification): string => `- ${n.title}${n.body ? ` (${n.body})` : ""}`;
  const sections: string[] = [];
  if (attention.length > 0) sections.push(`Needs your attention (${attention.length}):`, ...attention.map(line), "");
  if (other.length > 0) sections.push(`Other updates (${other.length}):`, ...other.map(line), "");
  const count = notifications.length;
  const subject = attention.length > 0
    ? `${attention.length} item${attention.length === 1 ? "" : "s"} need${attention.length === 1 ? "s" : ""} your attention (${count} notification${count === 1 ? "" : "s"})`
    : `${count} new notification${count === 1 ? "" : "s"}`;
  return { to: [to], subject, text: [...sections, `Open your notifications: ${publicUrl}/notifications`].join("\n") };
}

/** True when a digest for `pending` is due at `now` (its frequency elapsed since the last one). */
export function digestDue(pending: PendingEmails, now: Date): boolean {
  if (pending.notifications.length === 0) return false;
  // A minute of slack, so a schedule firing every 30 minutes does not skip a 30-minute digest.
  const frequencyMs = (pending.digestFrequencyMinutes - 1) * 60_000;
  if (pending.emailDeliveryMode === "instant") return true; // instant sends that failed after commit
  return pending.lastDigestAt === null || now.getTime() - pending.lastDigestAt.getTime() >= frequencyMs;
}
