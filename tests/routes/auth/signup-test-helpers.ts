import { sql } from "kysely";
import { createPaymentInvite, type CreatedPaymentInvite } from "../../../core/billing/create-payment-invite.ts";
import { newId } from "../../../core/ids.ts";
import type { TestApp } from "../../support/test-app.ts";

/** A fresh email no other test uses. */
export function uniqueEmail(label = "signup"): string {
  return `${label}-${newId()}@example.test`;
}

/** A payment invite as the Stripe webhook creates it (ids look like Stripe's). */
export async function seedInvite(
  t: TestApp,
  options: { email?: string; companyName?: string; ttlDays?: number; plan?: string } = {},
): Promise<CreatedPaymentInvite> {
  const suffix = newId().replaceAll("-", "").slice(-14);
  return createPaymentInvite(t.services, {
    email: options.email ?? uniqueEmail("invite"),
    customerName: "Ada Lovelace",
    companyName: options.companyName ?? `Engines ${suffix}`,
    plan: options.plan ?? "pro",
    stripeCustomerId: `cus_${suffix}`,
    stripeSubscriptionId: `sub_${suffix}`,
    ...(options.ttlDays !== undefined ? { ttlDays: options.ttlDays } : {}),
  });
}

/** True when a schema of that name exists. */
export async function schemaExists(t: TestApp, schemaName: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = ${schemaName}`.execute(t.database.db);
  return rows[0]!.n > 0;
}

/** The user row with this email, if any. */
export async function userByEmail(t: TestApp, email: string): Promise<{ id: string } | undefined> {
  return t.database.db.selectFrom("users").select("id").where(sql<string>`lower(email)`, "=", email.toLowerCase()).executeTakeFirst();
}

/** Reads SSE `data:` payloads (JSON) from a response until `stop` says so or the stream ends. */
export async function readSseData(
  res: Response,
  stop: (data: Record<string, unknown>) => boolean,
  timeoutMs = 30_000,
): Promise<Array<Record<string, unknown>>> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: Array<Record<string, unknown>> = [];
  const timer = setTimeout(() => void reader.cancel(new Error("SSE timeout")), timeoutMs);
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return events;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice(6))
          .join("\n");
        if (!data) continue;
        const parsed = JSON.parse(data) as Record<string, unknown>;
        events.push(parsed);
        if (stop(parsed)) {
          await reader.cancel();
          return events;
        }
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/** A worker running only the signup job type, as the API process runs it in embedded mode. */
export async function startSignupWorker(t: TestApp): Promise<{ stop(): Promise<void> }> {
  const { startWorker } = await import("../../../jobs/worker.ts");
  const { JobRegistry } = await import("../../../jobs/registry.ts");
  const { authSignupInviteHandler, SIGNUP_INVITE_JOB } = await import("../../../jobs/handlers/auth-signup-invite.ts");
  const worker = startWorker({
    queue: t.services.jobs,
    handlers: new JobRegistry().register(SIGNUP_INVITE_JOB, authSignupInviteHandler(t.services)),
    concurrency: 1,
    leaseMs: 30_000,
    pollIntervalMs: 50,
    progressIntervalMs: 0,
    logger: t.services.logger,
  });
  return { stop: () => worker.stop({ timeoutMs: 10_000 }) };
}
