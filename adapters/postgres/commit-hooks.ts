import { sql, type Kysely } from "kysely";
import type { Logger } from "../../core/ports/logger.ts";

/**
 * Work to run once a transaction has committed (live delivery of domain events), keyed by
 * the transaction object handed to the caller's work. `tenantDatabase(...).transaction`
 * registers its transactions here and runs their hooks right after COMMIT; a rollback
 * drops them. For a transaction this module does not manage (a platform transaction from
 * `db.transaction()`), {@link afterCommit} falls back to asking Postgres whether the
 * transaction committed (`pg_xact_status`), which costs a query per poll.
 */
const hooks = new WeakMap<object, Array<(committed: boolean) => void>>();

/**
 * Starts collecting hooks for `trx`. Call `settle(true)` after COMMIT succeeded (the hooks
 * run) or `settle(false)` after a rollback (they are dropped).
 */
export function manageCommit(trx: object): { settle(committed: boolean): void } {
  const list: Array<(committed: boolean) => void> = [];
  hooks.set(trx, list);
  return {
    settle(committed) {
      hooks.delete(trx);
      for (const hook of list) hook(committed);
    },
  };
}

const POLL_START_MS = 5;
const POLL_MAX_MS = 500;
const POLL_GIVE_UP_MS = 10 * 60_000;

/**
 * Arranges for `work` to run once the transaction `trx` has committed, never when it rolls
 * back. Await the call inside the transaction (for an unmanaged one it reads the
 * transaction id); `done` resolves once `work` has run or never will. `work` errors are
 * logged, not thrown: the transaction's outcome does not depend on them.
 */
export async function afterCommit(trx: object, db: Kysely<unknown>, work: () => Promise<void>, logger?: Logger): Promise<{ done: Promise<void> }> {
  const run = async (): Promise<void> => {
    try {
      await work();
    } catch (error) {
      logger?.warn("work after commit failed", { error });
    }
  };
  const managed = hooks.get(trx);
  if (managed) {
    return {
      done: new Promise<void>((resolve) => {
        managed.push((committed) => (committed ? void run().then(resolve) : resolve()));
      }),
    };
  }
  const { rows } = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(trx as Kysely<unknown>);
  return { done: pollThenRun(rows[0]!.xid, db, run, logger) };
}

async function pollThenRun(xid: string, db: Kysely<unknown>, run: () => Promise<void>, logger?: Logger): Promise<void> {
  try {
    const started = Date.now();
    let delay = POLL_START_MS;
    while (Date.now() - started < POLL_GIVE_UP_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const { rows } = await sql<{ status: string | null }>`select pg_xact_status(${xid}::xid8) as status`.execute(db);
      if (rows[0]?.status === "committed") return await run();
      if (rows[0]?.status !== "in progress") return; // rolled back (or too old to know)
      delay = Math.min(POLL_MAX_MS, delay * 2);
    }
    logger?.warn("gave up waiting for a transaction to commit");
  } catch (error) {
    logger?.warn("could not learn whether a transaction committed", { error });
  }
}
