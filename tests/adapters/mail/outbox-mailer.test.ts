import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMailer } from "../../../adapters/mail/open-mailer.ts";
import { OutboxMailer } from "../../../adapters/mail/outbox-mailer.ts";
import type { DatabaseHandle } from "../../../adapters/postgres/open-database.ts";
import type { LogFields, Logger } from "../../../core/ports/logger.ts";
import { describeMailerContract } from "../../contracts/mailer.contract.ts";
import { closeTestDatabase, openTestDatabase } from "../../support/test-database.ts";

const defaultFrom = "FOS <no-reply@localhost>";

/** A logger that keeps its lines, to check what a developer would see. */
function memoryLogger(lines: Array<{ message: string; fields: LogFields }> = [], base: LogFields = {}): Logger & {
  lines: typeof lines;
} {
  const push = (message: string, fields?: LogFields) => lines.push({ message, fields: { ...base, ...fields } });
  return { lines, debug: push, info: push, warn: push, error: push, child: (fields) => memoryLogger(lines, { ...base, ...fields }) };
}

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await closeTestDatabase(database);
});

describeMailerContract("outbox", async () => {
  const subject = new OutboxMailer({ db: database.db, from: defaultFrom });
  return {
    subject,
    defaultFrom,
    elapse: async () => undefined,
    delivered: async () =>
      (await subject.recentMessages({ limit: 500 })).map((m) => ({
        from: m.from,
        to: m.to,
        replyTo: m.replyTo,
        subject: m.subject,
        text: m.text,
        html: m.html,
      })),
    close: () => subject.close(),
  };
});

describe("OutboxMailer specifics", () => {
  it("logs recipients, subject and the text so a developer can follow the link", async () => {
    const logger = memoryLogger();
    const mailer = new OutboxMailer({ db: database.db, from: defaultFrom, logger });
    const { id } = await mailer.send({ to: ["dev@example.com"], subject: "Verify", text: "Open https://localhost/v?t=1" });
    expect(logger.lines).toContainEqual({
      message: "mail stored in outbox (no SMTP configured)",
      fields: { mail_id: id, to: ["dev@example.com"], subject: "Verify", text: "Open https://localhost/v?t=1" },
    });
  });

  it("lists recent messages newest first, filtered by recipient and time, with a limit", async () => {
    const mailer = new OutboxMailer({ db: database.db, from: defaultFrom });
    const recipient = `r-${Date.now()}@example.com`;
    const first = await mailer.send({ to: [recipient], subject: "one", text: "1" });
    const second = await mailer.send({ to: ["other@example.com", recipient], subject: "two", text: "2" });
    await mailer.send({ to: ["other@example.com"], subject: "three", text: "3" });

    const mine = await mailer.recentMessages({ to: recipient });
    expect(mine.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(mine[0]).toMatchObject({ to: ["other@example.com", recipient], from: defaultFrom, html: null, replyTo: null });
    expect(mine[0]!.createdAt).toBeInstanceOf(Date);
    expect(await mailer.recentMessages({ to: recipient, limit: 1 })).toHaveLength(1);
    expect(await mailer.recentMessages({ to: recipient, since: new Date(Date.now() + 60_000) })).toEqual([]);
  });

  it("is what openMailer picks without an SMTP URL", async () => {
    const opened = openMailer({ from: defaultFrom, db: database.db });
    expect(opened.kind).toBe("outbox");
    if (opened.kind !== "outbox") throw new Error("expected outbox");
    await opened.mailer.ping();
    const { id } = await opened.mailer.send({ to: ["x@example.com"], subject: "via factory", text: "t" });
    expect((await opened.outbox.recentMessages({ limit: 5 })).map((m) => m.id)).toContain(id);
    expect(openMailer({ smtpUrl: "smtp://127.0.0.1:2525", from: defaultFrom, db: database.db }).kind).toBe("smtp");
  });
});
