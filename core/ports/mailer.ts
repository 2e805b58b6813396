export type MailMessage = {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Defaults to the configured sender. */
  from?: string;
  replyTo?: string;
};

export type SentMail = { id: string };

/** Sends email (SMTP in production; the outbox table when embedded). */
export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
