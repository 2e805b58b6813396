import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmtpMailer } from "../../../adapters/mail/smtp-mailer.ts";
import { describeMailerContract, type DeliveredMail } from "../../contracts/mailer.contract.ts";
import { parseMime } from "./parse-mime.ts";

type Received = { envelopeTo: string[]; raw: string };

/** A real SMTP server on a random local port that requires AUTH and keeps every message. */
async function startSmtp(): Promise<{ port: number; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    // Plain SMTP on localhost: no STARTTLS (its self-signed cert would be refused), AUTH allowed anyway.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "s3cret pass") callback(null, { user: auth.username });
      else callback(new Error("invalid credentials"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function toDelivered(message: Received): DeliveredMail {
  const parsed = parseMime(message.raw);
  return {
    from: parsed.headers.get("from") ?? "",
    to: (parsed.headers.get("to") ?? "").split(/,\s*/).filter(Boolean),
    replyTo: parsed.headers.get("reply-to") ?? null,
    subject: parsed.headers.get("subject") ?? "",
    text: parsed.text ?? "",
    html: parsed.html,
  };
}

const defaultFrom = "FOS <no-reply@fos.example>";
const url = (port: number, password = "s3cret pass") =>
  `smtp://mailer:${encodeURIComponent(password)}@127.0.0.1:${port}`;

describeMailerContract("smtp", async () => {
  const smtp = await startSmtp();
  const subject = new SmtpMailer({ url: url(smtp.port), from: defaultFrom });
  return {
    subject,
    defaultFrom,
    elapse: async () => undefined,
    delivered: async () => smtp.received.map(toDelivered),
    close: async () => {
      await subject.close();
      await smtp.stop();
    },
  };
});

describe("SmtpMailer specifics", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  it("hands every recipient to the server and tags the message with the returned id", async () => {
    const mailer = new SmtpMailer({ url: url(smtp.port), from: defaultFrom });
    const { id } = await mailer.send({ to: ["a@example.com", "B <b@example.com>"], subject: "ids", text: "x" });
    await mailer.close();
    const message = smtp.received.find((m) => m.raw.includes("Subject: ids"))!;
    expect(message.envelopeTo).toEqual(["a@example.com", "b@example.com"]);
    expect(parseMime(message.raw).headers.get("message-id")).toBe(`<${id}@fos.example>`);
  });

  it("fails ping and send with wrong credentials", async () => {
    const mailer = new SmtpMailer({ url: url(smtp.port, "wrong"), from: defaultFrom });
    await expect(mailer.ping()).rejects.toThrow();
    await expect(mailer.send({ to: ["a@example.com"], subject: "nope", text: "x" })).rejects.toThrow();
    await mailer.close();
  });

  it("fails ping when no server listens", async () => {
    const mailer = new SmtpMailer({ url: "smtp://127.0.0.1:1", from: defaultFrom });
    await expect(mailer.ping()).rejects.toThrow();
    await mailer.close();
  });
});
