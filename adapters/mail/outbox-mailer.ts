import { sql, type Kysely } from "kysely";
import { newId } from "../../core/ids.ts";
import type { Logger } from "../../core/ports/logger.ts";
import type { MailMessage, Mailer, SentMail } from "../../core/ports/mailer.ts";
import { jsonb } from "../postgres/jsonb.ts";
import type { PlatformDatabase } from "../postgres/platform-schema.ts";
import { validateMailMessage } from "./mail-message.ts";

/** A message as stored in the outbox. */
export type OutboxMessage = {
  id: string;
  to: string[];
  from: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
};

/**
 * The embedded {@link Mailer}: nothing leaves the machine. Each message is stored in
 * the `mail_outbox` platform table and logged with its text, so a developer can follow
 * a sign-up or reset link straight from the log, and tests can read it back with
 * {@link OutboxMailer.recentMessages}.
 */
export class OutboxMailer implements Mailer {
  readonly #db: Kysely<PlatformDatabase>;
  readonly #from: string;
  readonly #logger: Logger | undefined;

  constructor(options: { db: Kysely<PlatformDatabase>; from: string; logger?: Logger }) {
    this.#db = options.db;
    this.#from = options.from;
    this.#logger = options.logger;
  }

  async send(message: MailMessage): Promise<SentMail> {
    const checked = validateMailMessage(message, this.#from);
    const id = newId();
    await this.#db
      .insertInto("mail_outbox")
      .values({
        id,
        to_addresses: jsonb(checked.to),
        from_address: checked.from,
        reply_to: checked.replyTo ?? null,
        subject: checked.subject,
        text_body: checked.text,
        html_body: checked.html ?? null,
      })
      .execute();
    this.#logger?.info("mail stored in outbox (no SMTP configured)", {
      mail_id: id,
      to: checked.to,
      subject: checked.subject,
      text: checked.text,
    });
    return { id };
  }

  /**
   * The newest messages first, optionally only those addressed to `to` (an exact
   * entry of the recipient list) or sent after `since`.
   */
  async recentMessages(options: { to?: string; since?: Date; limit?: number } = {}): Promise<OutboxMessage[]> {
    const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 20)), 500);
    let query = this.#db.selectFrom("mail_outbox").selectAll();
    if (options.to !== undefined) query = query.where(sql<boolean>`to_addresses @> ${jsonb([options.to])}`);
    if (options.since !== undefined) query = query.where("created_at", ">", options.since);
    const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
    return rows.map((row) => ({
      id: row.id,
      to: row.to_addresses,
      from: row.from_address,
      replyTo: row.reply_to,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      createdAt: row.created_at,
    }));
  }

  async ping(): Promise<void> {
    await this.#db.selectFrom("mail_outbox").select("id").limit(1).execute();
  }

  /** The database belongs to the caller; nothing to close here. */
  async close(): Promise<void> {}
}
