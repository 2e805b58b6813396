import { Invalid, type FieldIssue } from "../../core/errors.ts";
import type { MailMessage } from "../../core/ports/mailer.ts";

/** Most providers refuse more recipients than this in one message. */
const MAX_RECIPIENTS = 50;
const BARE_ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
const LINE_BREAK = /[\r\n]/;

/** `local@domain` or `Display Name <local@domain>`; deliberately loose, strict enough to catch typos and injection. */
function isAddress(value: string): boolean {
  if (LINE_BREAK.test(value)) return false;
  const bracketed = /<([^<>]*)>\s*$/.exec(value);
  return BARE_ADDRESS.test((bracketed ? bracketed[1]! : value).trim());
}
/**
 * Checks a message the same way for every mailer, so the outbox twin refuses
 * exactly what SMTP would: recipients present and well-formed, no line breaks in
 * header values (header injection), a text body.
 */
export function validateMailMessage(message: MailMessage, defaultFrom: string): Required<Pick<MailMessage, "from">> & MailMessage {
  const issues: FieldIssue[] = [];
  if (message.to.length === 0) issues.push({ field: "to", message: "at least one recipient is required" });
  if (message.to.length > MAX_RECIPIENTS) issues.push({ field: "to", message: `at most ${MAX_RECIPIENTS} recipients` });
  message.to.forEach((address, i) => {
    if (!isAddress(address)) issues.push({ field: `to[${i}]`, message: "is not an email address" });
  });
  const from = message.from ?? defaultFrom;
  if (!isAddress(from)) issues.push({ field: "from", message: "is not an email address" });
  if (message.replyTo !== undefined && !isAddress(message.replyTo)) {
    issues.push({ field: "replyTo", message: "is not an email address" });
  }
  if (LINE_BREAK.test(message.subject)) issues.push({ field: "subject", message: "must be a single line" });
  if (issues.length > 0) throw new Invalid("the mail message is invalid", issues);
  return { ...message, from };
}
