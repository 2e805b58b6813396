import { sql } from "kysely";
import { createJobRegistry } from "../../../jobs/registry.ts";
import { startWorker, type Worker } from "../../../jobs/worker.ts";
import type { TestApp, TestWorkspace } from "../../support/test-app.ts";

/**
 * Puts a workspace's tenant schema one migration behind, as a deploy with a new
 * tenant migration would: drops what 0004_module_settings created and forgets it.
 * Call before any request touches the workspace (the 503 gate remembers current schemas).
 */
export async function makeSchemaBehind(t: TestApp, workspace: TestWorkspace): Promise<void> {
  await sql`drop table ${sql.id(workspace.schemaName, "module_settings")}`.execute(t.database.db);
  await sql`delete from ${sql.id(workspace.schemaName, "schema_migrations")} where name = '0004_module_settings'`.execute(t.database.db);
}

/** A job worker over the test app's queue with the real `tenants.migrate` handler. */
export function startMigrationWorker(t: TestApp): Worker {
  return startWorker({
    queue: t.services.jobs,
    workspaceIds: t.workspaceIds,
    handlers: createJobRegistry({ db: t.database.db }),
    concurrency: 1,
    leaseMs: 10_000,
    pollIntervalMs: 50,
    progressIntervalMs: 0,
    logger: t.services.logger,
  });
}

/** Reads a whole SSE response (it must end by itself within `timeoutMs`) into its events. */
export async function readSseEvents(res: Response, timeoutMs = 20_000): Promise<Array<{ event: string; data: Record<string, unknown> }>> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const timer = setTimeout(() => void reader.cancel(new Error("SSE stream did not end in time")), timeoutMs);
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
  } finally {
    clearTimeout(timer);
  }
  return text
    .split("\n\n")
    .filter((block) => block.includes("data:"))
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
      const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}
