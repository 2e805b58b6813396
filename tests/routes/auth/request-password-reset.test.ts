import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { parseMime } from "../../adapters/mail/parse-mime.ts";
import { createTestApp, sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { createUserWithPassword, expectProblem, linkIn, mailTo } from "./account-test-helpers.ts";

// POST /api/v1/auth/request-password-reset (requestPasswordReset)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const request = (app: TestApp, json: unknown) => app.request("/api/v1/auth/request-password-reset", { method: "POST", json });

describe("requestPasswordReset: happy", () => {
  it("emails a one-hour link to ${PUBLIC_URL}/reset-password", async () => {
    const user = await t.createUser();
    const res = await request(t, { email: user.email.toUpperCase() });
    expect(res.status).toBe(200);
    const [mail] = await mailTo(t, user.email);
    expect(mail!.subject).toBe("Reset your password");
    const link = linkIn(mail!.text_body);
    expect(`${link.origin}${link.pathname}`).toBe("http://localhost/reset-password");
    expect(link.searchParams.get("token")).toMatch(/^\S{32,}$/);
    expect(mail!.html_body).toContain(link.searchParams.get("token"));
    const row = await t.database.db
      .selectFrom("one_time_tokens")
      .select(["expires_at", "created_at"])
      .where("user_id", "=", user.id)
      .where("kind", "=", "password_reset")
      .executeTakeFirstOrThrow();
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(3600_000);
  });

  it("over real SMTP: the mailed link resets the password through the API", async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const port = (server.server.address() as AddressInfo).port;
    const app = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      const user = await createUserWithPassword(app, "the old password");
      expect((await request(app, { email: user.email })).status).toBe(200);
      const deadline = Date.now() + 10_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(received).toHaveLength(1);
      const mail = parseMime(received[0]!);
      expect(mail.headers.get("to")).toContain(user.email);
      const token = linkIn(mail.text ?? "").searchParams.get("token")!;
      const reset = await app.request("/api/v1/auth/reset-password", {
        method: "POST",
        json: { token, new_password: "the new password" },
      });
      expect(reset.status).toBe(200);
      const login = (password: string) =>
        app.request("/api/v1/auth/login", { method: "POST", json: { email: user.email, password } });
      expect((await login("the new password")).status).toBe(200);
      expect((await login("the old password")).status).toBe(401);
    } finally {
      await app.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("requestPasswordReset: error", () => {
  it("answers 422 for a missing or malformed email", async () => {
    await expectProblem(await request(t, {}), 422);
    await expectProblem(await request(t, { email: "not an email" }), 422);
  });
});

describe("requestPasswordReset: security", () => {
  it("answers the same for an unknown email, in a similar time, and sends nothing", async () => {
    const user = await t.createUser();
    const ghost = `ghost-${newId()}@example.test`;
    const timed = async (email: string): Promise<{ status: number; body: string; ms: number }> => {
      const start = performance.now();
      const res = await request(t, { email });
      return { status: res.status, body: await res.text(), ms: performance.now() - start };
    };
    const known = await timed(user.email);
    const unknown = await timed(ghost);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toBe(known.body);
    // The lookup and the mail run after the response in both cases.
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(400);
    expect(await mailTo(t, user.email)).toHaveLength(1);
    expect(await mailTo(t, ghost, { timeoutMs: 300 })).toHaveLength(0);
  });
});
