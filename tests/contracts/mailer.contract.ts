import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "../../core/errors.ts";
import type { Mailer } from "../../core/ports/mailer.ts";
import { uniqueKey, type ContractHarness } from "./harness.ts";

/** A message as the far end saw it (SMTP server or outbox table), normalised for comparison. */
export type DeliveredMail = {
  from: string;
  to: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
};

/** A mailer plus a way to read what it delivered. `defaultFrom` is the sender it was configured with. */
export type MailerHarness = ContractHarness<Mailer> & {
  defaultFrom: string;
  delivered(): Promise<DeliveredMail[]>;
};

/** The behaviour every {@link Mailer} adapter must show. */
export function describeMailerContract(name: string, make: () => Promise<MailerHarness>, options: { skip?: boolean } = {}): void {
  describe.skipIf(options.skip ?? false)(`Mailer contract: ${name}`, () => {
    let h: MailerHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(async () => {
      await h?.close();
    });

    async function deliveredWithSubject(subject: string): Promise<DeliveredMail> {
      let found: DeliveredMail | undefined;
      const deadline = Date.now() + 5000;
      while (!found && Date.now() < deadline) {
        found = (await h.delivered()).find((m) => m.subject === subject);
        if (!found) await new Promise((r) => setTimeout(r, 20));
      }
      if (!found) throw new Error(`no delivered mail with subject ${subject}`);
      return found;
    }

    it("delivers a text message from the default sender", async () => {
      const subject = `Welcome ${uniqueKey("s")}`;
      const link = "https://app.example.com/verify?token=abc123&next=%2Fhome";
      const sent = await h.subject.send({ to: ["ada@example.com"], subject, text: `Hi Ada,\n\nverify: ${link}\n` });
      expect(sent.id).toEqual(expect.any(String));
      const mail = await deliveredWithSubject(subject);
      expect(mail.to).toEqual(["ada@example.com"]);
      expect(mail.from).toBe(h.defaultFrom);
      expect(mail.replyTo).toBeNull();
      expect(mail.text).toContain(link);
      expect(mail.text).toContain("Hi Ada,");
      expect(mail.html).toBeNull();
    });

    it("delivers html, several recipients, a reply-to and a custom sender", async () => {
      const subject = `Réinitialisation du mot de passe — ${uniqueKey("s")}`;
      await h.subject.send({
        to: ["a@example.com", "Bob Builder <b@example.com>"],
        from: "Support <support@example.com>",
        replyTo: "help@example.com",
        subject,
        text: "Bonjour, cliquez ici: https://x.example/r",
        html: "<p>Bonjour, <a href=\"https://x.example/r\">cliquez ici</a> ✓</p>",
      });
      const mail = await deliveredWithSubject(subject);
      expect(mail.to).toEqual(["a@example.com", "Bob Builder <b@example.com>"]);
      expect(mail.from).toBe("Support <support@example.com>");
      expect(mail.replyTo).toBe("help@example.com");
      expect(mail.text).toContain("Bonjour, cliquez ici: https://x.example/r");
      expect(mail.html).toContain("<a href=\"https://x.example/r\">cliquez ici</a> ✓");
    });

    it("refuses a message without recipients, with a bad address, or with a multi-line subject", async () => {
      await expect(h.subject.send({ to: [], subject: "x", text: "x" })).rejects.toBeInstanceOf(Invalid);
      await expect(h.subject.send({ to: ["not-an-address"], subject: "x", text: "x" })).rejects.toBeInstanceOf(Invalid);
      await expect(
        h.subject.send({ to: ["a@example.com"], subject: "x\r\nBcc: victim@example.com", text: "x" }),
      ).rejects.toBeInstanceOf(Invalid);
      await expect(
        h.subject.send({ to: ["a@example.com\r\nBcc: victim@example.com"], subject: "x", text: "x" }),
      ).rejects.toBeInstanceOf(Invalid);
    });

    it("returns a distinct id per message", async () => {
      const a = await h.subject.send({ to: ["x@example.com"], subject: uniqueKey("id"), text: "1" });
      const b = await h.subject.send({ to: ["x@example.com"], subject: uniqueKey("id"), text: "2" });
      expect(a.id).not.toBe(b.id);
    });

    it("answers ping", async () => {
      await expect(h.subject.ping()).resolves.toBeUndefined();
    });
  });
}
