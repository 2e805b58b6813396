import type { Kysely } from "kysely";
import type { Logger } from "../../core/ports/logger.ts";
import type { Mailer } from "../../core/ports/mailer.ts";
import type { PlatformDatabase } from "../postgres/platform-schema.ts";
import { OutboxMailer } from "./outbox-mailer.ts";
import { SmtpMailer } from "./smtp-mailer.ts";

/**
 * SMTP when `smtpUrl` is set, else the outbox table in the platform database.
 * `outbox` is returned as well in outbox mode so tests and dev tooling can read messages.
 *
 * @example
 * const { mailer } = openMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, db: database.db, logger });
 */
export function openMailer(opts: {
  smtpUrl?: string;
  from: string;
  db: Kysely<PlatformDatabase>;
  logger?: Logger;
}): { kind: "smtp"; mailer: Mailer } | { kind: "outbox"; mailer: Mailer; outbox: OutboxMailer } {
  const logger = opts.logger?.child({ component: "mail" });
  if (opts.smtpUrl) {
    logger?.info("mail: smtp");
    return { kind: "smtp", mailer: new SmtpMailer({ url: opts.smtpUrl, from: opts.from, logger }) };
  }
  logger?.info("mail: outbox table (no SMTP_URL); messages are logged");
  const outbox = new OutboxMailer({ db: opts.db, from: opts.from, logger });
  return { kind: "outbox", mailer: outbox, outbox };
}
