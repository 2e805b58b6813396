import { sql, type Transaction } from "kysely";
import type { DomainEvent, EventRecorder, EventTransaction } from "../../../core/events/domain-event.ts";
import { eventMessage, workspaceEventsChannel, type EventSubscribers } from "../../../core/events/event-subscribers.ts";
import { Invalid } from "../../../core/errors.ts";
import { isUuid, newId } from "../../../core/ids.ts";
import type { Logger } from "../../../core/ports/logger.ts";
import type { PubSub } from "../../../core/ports/pub-sub.ts";
import { jsonb } from "../jsonb.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import { tenantSchemaName } from "../tenant-names.ts";
import type { TenantDatabase } from "../tenant-schema.ts";

/**
 * Wraps the caller's open Kysely transaction for `EventRecorder.record`, so the activity
 * row and every subscriber's writes commit or roll back with the change. Either kind works:
 * a tenant transaction from `tenantDatabase(...).transaction` (it must be the event's own
 * workspace: another tenant's role is refused by Postgres) or a platform transaction.
 *
 * @example
 * await tenantDatabase(handle, schema).transaction(async (trx) => {
 *   await trx.insertInto("teams").values(row).execute();
 *   await services.events.record({ type: "team.created", ... }, { transaction: asEventTransaction(trx) });
 * });
 */
export function asEventTransaction<DB>(trx: Transaction<DB>): EventTransaction {
  if (!trx.isTransaction) throw new TypeError("asEventTransaction needs an open transaction, not the database");
  return trx as unknown as EventTransaction;
}

/**
 * The Kysely transaction a subscriber receives, scoped (`withSchema`) to the event's tenant
 * schema. Builder queries land in that schema whether the recorder runs in a tenant
 * transaction (as the tenant role) or a platform one (as the owner); raw SQL must use
 * builder-named tables, since the search path is the caller's.
 */
export function tenantTransactionOf(transaction: EventTransaction): Transaction<TenantDatabase> {
  return transaction as unknown as Transaction<TenantDatabase>;
}

const TYPE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const POLL_START_MS = 5;
const POLL_MAX_MS = 500;
const POLL_GIVE_UP_MS = 10 * 60_000;

export type PostgresEventRecorderOptions = {
  database: DatabaseHandle;
  subscribers: EventSubscribers;
  pubSub: PubSub;
  logger?: Logger;
  now?: () => Date;
};

/**
 * `EventRecorder` on the tenant `activity` table (tenant migration 0005_activity).
 *
 * Which schema: always the event's workspace schema, named explicitly (`withSchema`) from
 * its id, never the search path. A tenant transaction runs as the tenant role, which has DML
 * on its own `activity` table; a platform transaction runs as the schema owner. So no role
 * switch (which would leak into the rest of the caller's transaction) and no SECURITY
 * DEFINER function are needed.
 *
 * Live delivery: the event goes out on `ws:<workspaceId>:events` only once its row is
 * committed. Without a caller transaction that is right after our own commit; inside the
 * caller's, the recorder notes the transaction id and publishes when `pg_xact_status` says
 * it committed (nothing when it rolled back).
 */
export class PostgresEventRecorder implements EventRecorder {
  readonly #database: DatabaseHandle;
  readonly #subscribers: EventSubscribers;
  readonly #pubSub: PubSub;
  readonly #logger: Logger | undefined;
  readonly #now: () => Date;
  readonly #pending = new Set<Promise<void>>();

  constructor(options: PostgresEventRecorderOptions) {
    this.#database = options.database;
    this.#subscribers = options.subscribers;
    this.#pubSub = options.pubSub;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  async record(
    input: Omit<DomainEvent, "id" | "occurredAt"> & { occurredAt?: Date },
    options: { transaction?: EventTransaction } = {},
  ): Promise<DomainEvent> {
    const event = toEvent(input, this.#now());
    const schema = tenantSchemaName(event.workspaceId);
    if (options.transaction) {
      const trx = tenantTransactionOf(options.transaction).withSchema(schema);
      await this.#write(trx, event);
      const { rows } = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(trx);
      this.#track(this.#publishAfterCommit(event, rows[0]!.xid));
    } else {
      await tenantDatabase(this.#database, schema).transaction((trx) => this.#write(trx, event));
      await this.#publish(event);
    }
    return event;
  }

  async recordMany(
    inputs: ReadonlyArray<Omit<DomainEvent, "id" | "occurredAt"> & { occurredAt?: Date }>,
    options: { transaction?: EventTransaction } = {},
  ): Promise<DomainEvent[]> {
    if (inputs.length === 0) return [];
    const now = this.#now();
    const events = inputs.map((input) => toEvent(input, now));
    const workspaceId = events[0]!.workspaceId;
    if (events.some((e) => e.workspaceId !== workspaceId)) throw new Invalid("recordMany takes events of one workspace");
    const schema = tenantSchemaName(workspaceId);
    if (options.transaction) {
      const trx = tenantTransactionOf(options.transaction).withSchema(schema);
      await this.#writeMany(trx, events);
      const { rows } = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(trx);
      this.#track(this.#publishAfterCommit(events, rows[0]!.xid));
    } else {
      await tenantDatabase(this.#database, schema).transaction((trx) => this.#writeMany(trx, events));
      for (const event of events) await this.#publish(event);
    }
    return events;
  }

  /** Resolves once every publication still waiting for a commit is done (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async #write(trx: Transaction<TenantDatabase>, event: DomainEvent): Promise<void> {
    await trx.insertInto("activity").values(activityRow(event)).execute();
    await this.#subscribers.dispatch(event, asEventTransaction(trx));
  }

  async #writeMany(trx: Transaction<TenantDatabase>, events: DomainEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
      await trx.insertInto("activity").values(events.slice(i, i + ROWS_PER_INSERT).map(activityRow)).execute();
    }
    await this.#subscribers.dispatchMany(events, asEventTransaction(trx));
  }

  async #publish(event: DomainEvent): Promise<void> {
    try {
      await this.#pubSub.publish(workspaceEventsChannel(event.workspaceId), eventMessage(event));
    } catch (error) {
      // Live delivery is best effort; the row is the record.
      this.#logger?.warn("could not publish a domain event", { eventId: event.id, type: event.type, error });
    }
  }

  async #publishAfterCommit(batch: DomainEvent | DomainEvent[], xid: string): Promise<void> {
    const events = Array.isArray(batch) ? batch : [batch];
    const event = events[0]!;
    const started = Date.now();
    let delay = POLL_START_MS;
    try {
      while (Date.now() - started < POLL_GIVE_UP_MS) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        const { rows } = await sql<{ status: string | null }>`select pg_xact_status(${xid}::xid8) as status`.execute(this.#database.db);
        const status = rows[0]?.status;
        if (status === "committed") {
          for (const committed of events) await this.#publish(committed);
          return;
        }
        if (status !== "in progress") return; // rolled back (or too old to know): nothing happened
        delay = Math.min(POLL_MAX_MS, delay * 2);
      }
      this.#logger?.warn("gave up waiting for a domain event's transaction", { eventId: event.id, type: event.type });
    } catch (error) {
      this.#logger?.warn("could not learn whether a domain event committed", { eventId: event.id, type: event.type, error });
    }
  }

  #track(work: Promise<void>): void {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
  }
}

/** Rows per multi-row INSERT: well under Postgres's 65,535 bind parameters (9 per row). */
const ROWS_PER_INSERT = 1000;

function activityRow(event: DomainEvent) {
  return {
    id: event.id,
    type: event.type,
    actor_id: event.actorId,
    entity_type: event.entity.type,
    entity_id: event.entity.id,
    entity_name: event.entity.name ?? null,
    metadata: jsonb(event.metadata),
    audience: jsonb(event.audience ?? []),
    occurred_at: event.occurredAt,
  };
}

function toEvent(input: Omit<DomainEvent, "id" | "occurredAt"> & { occurredAt?: Date }, now: Date): DomainEvent {
  if (!TYPE_PATTERN.test(input.type)) throw new Invalid(`event type "${input.type}" must look like "entity.verb"`);
  if (!isUuid(input.workspaceId)) throw new Invalid("event workspaceId must be a workspace id");
  return {
    id: newId(),
    workspaceId: input.workspaceId,
    type: input.type,
    actorId: input.actorId,
    entity: { type: input.entity.type, id: input.entity.id, name: input.entity.name ?? null },
    metadata: input.metadata,
    ...(input.audience ? { audience: [...new Set(input.audience)] } : {}),
    occurredAt: input.occurredAt ?? now,
  };
}
