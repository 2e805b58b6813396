import nodemailer, { type Transporter } from "nodemailer";
import { newId } from "../../core/ids.ts";
import type { Logger } from "../../core/ports/logger.ts";
import type { MailMessage, Mailer, SentMail } from "../../core/ports/mailer.ts";
import { validateMailMessage } from "./mail-message.ts";

/** The SMTP server and default sender. */
export type SmtpMailerOptions = {
  /** e.g. `smtps://user:pass@smtp.example.com:465` or `smtp://localhost:1025`; nodemailer URL options apply (`?pool=true`). */
  url: string;
  /** The default sender, e.g. `FOS <no-reply@example.com>`. */
  from: string;
  logger?: Logger;
};

/**
 * {@link Mailer} over SMTP (nodemailer). The returned id is also the message's
 * `Message-ID` (`<id@sender-domain>`), so a delivered mail can be traced back to the log line.
 *
 * @example
 * const mailer = new SmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM, logger });
 * await mailer.send({ to: ["ada@example.com"], subject: "Welcome", text: "Hi Ada" });
 */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #logger: Logger | undefined;

  constructor(options: SmtpMailerOptions) {
    this.#transport = nodemailer.createTransport(options.url);
    this.#from = options.from;
    this.#logger = options.logger;
  }

  async send(message: MailMessage): Promise<SentMail> {
    const checked = validateMailMessage(message, this.#from);
    const id = newId();
    const domain = /@([^>\s]+)>?\s*$/.exec(checked.from)?.[1] ?? "localhost";
    await this.#transport.sendMail({
      messageId: `<${id}@${domain}>`,
      from: checked.from,
      to: checked.to,
      replyTo: checked.replyTo,
      subject: checked.subject,
      text: checked.text,
      html: checked.html,
    });
    this.#logger?.info("mail sent", { mail_id: id, to: checked.to, subject: checked.subject });
    return { id };
  }

  /** Connects and authenticates without sending anything. */
  async ping(): Promise<void> {
    await this.#transport.verify();
  }

  async close(): Promise<void> {
    this.#transport.close();
  }
}
