import type { Kysely, Transaction } from "kysely";
import type { DomainEvent, EventRecorder, EventTransaction } from "../../../core/events/domain-event.ts";
import { eventMessage, workspaceEventsChannel, type EventContext, type EventSubscribers } from "../../../core/events/event-subscribers.ts";
import { Invalid } from "../../../core/errors.ts";
import { isUuid, newId } from "../../../core/ids.ts";
import type { Logger } from "../../../core/ports/logger.ts";
import type { PubSub } from "../../../core/ports/pub-sub.ts";
import { afterCommit } from "../commit-hooks.ts";
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
 * committed, never when it rolled back (commit-hooks.ts): right after COMMIT for the
 * transactions `tenantDatabase` opens (ours, and every repository's), by polling
 * `pg_xact_status` for a platform transaction of the caller's.
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
    const [event] = await this.#recordAll([toEvent(input, this.#now())], options.transaction, false);
    return event!;
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
    return await this.#recordAll(events, options.transaction, true);
  }

  /** Resolves once every publication still waiting for a commit is done (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /**
   * Writes the activity rows and runs the subscribers in `outer` (the caller's transaction,
   * or one opened here), then publishes once it committed: through the transaction's commit
   * hooks when `tenantDatabase` manages it (no extra query), else by polling its status.
   */
  async #recordAll(events: DomainEvent[], outer: EventTransaction | undefined, batch: boolean): Promise<DomainEvent[]> {
    const schema = tenantSchemaName(events[0]!.workspaceId);
    const within = async (transaction: EventTransaction): Promise<void> => {
      const trx = tenantTransactionOf(transaction).withSchema(schema);
      const context: EventContext = {
        transaction: asEventTransaction(trx),
        afterCommit: (work) => afterCommit(transaction, this.#database.db as Kysely<unknown>, work, this.#logger),
      };
      if (batch) {
        for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
          await trx.insertInto("activity").values(events.slice(i, i + ROWS_PER_INSERT).map(activityRow)).execute();
        }
        await this.#subscribers.dispatchMany(events, context);
      } else {
        await trx.insertInto("activity").values(activityRow(events[0]!)).execute();
        await this.#subscribers.dispatch(events[0]!, context);
      }
      const { done } = await context.afterCommit(async () => {
        for (const event of events) await this.#publish(event);
      });
      this.#track(done);
    };
    if (outer) await within(outer);
    else await tenantDatabase(this.#database, schema).transaction((trx) => within(asEventTransaction(trx)));
    return events;
  }

  async #publish(event: DomainEvent): Promise<void> {
    try {
      await this.#pubSub.publish(workspaceEventsChannel(event.workspaceId), eventMessage(event));
    } catch (error) {
      // Live delivery is best effort; the row is the record.
      this.#logger?.warn("could not publish a domain event", { eventId: event.id, type: event.type, error });
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
