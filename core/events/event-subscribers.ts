import type { DomainEvent, EventTransaction } from "./domain-event.ts";

/**
 * Reacts to a recorded event inside the transaction that records it (the caller's, or
 * one the recorder opened): a throw rolls back the change, the activity row and every
 * other subscriber's writes. Keep it to database writes; anything slow or remote
 * (mail, webhooks) should enqueue a job in the same transaction instead.
 */
export type EventSubscriber = (event: DomainEvent, context: EventContext) => Promise<void>;

/** A subscriber's batch form: the events of one `recordMany`, in order, in one call. */
export type BatchEventSubscriber = (events: readonly DomainEvent[], context: EventContext) => Promise<void>;

/** What a subscriber gets beside the event(s). */
export type EventContext = {
  /** The recording transaction (scoped to the event's workspace). */
  transaction: EventTransaction;
  /**
   * Schedules `work` (live pushes, mail) for after the recording transaction commits, never
   * if it rolls back; `done` resolves once it ran or never will. Await the call itself
   * inside the subscriber.
   */
  afterCommit(work: () => Promise<void>): Promise<{ done: Promise<void> }>;
};

/**
 * Who reacts to domain events, in registration order (notifications, later webhooks).
 * Built once by the composition root; the event recorder calls every subscriber of
 * each event it records.
 *
 * @example
 * services.eventSubscribers.subscribe("notifications", async (event, { transaction }) => {
 *   await createNotificationsFor(event, transaction);
 * });
 */
export class EventSubscribers {
  readonly #subscribers: Array<{ name: string; types: ReadonlySet<string> | null; run: EventSubscriber; runMany: BatchEventSubscriber | undefined }> = [];

  /**
   * Adds `run` under a unique `name`; with `types`, it sees only events of those types
   * (exact types such as `member.added`, or an entity prefix such as `member.`). With
   * `runMany`, batches (`recordMany`) reach it in one call instead of one `run` per event.
   */
  subscribe(name: string, run: EventSubscriber, options: { types?: readonly string[]; runMany?: BatchEventSubscriber } = {}): this {
    if (this.#subscribers.some((s) => s.name === name)) throw new Error(`an event subscriber named "${name}" is already registered`);
    this.#subscribers.push({ name, types: options.types ? new Set(options.types) : null, run, runMany: options.runMany });
    return this;
  }

  /** Names of the registered subscribers, in call order. */
  names(): string[] {
    return this.#subscribers.map((s) => s.name);
  }

  /** Runs every subscriber interested in `event`, one after the other, in the context's transaction. */
  async dispatch(event: DomainEvent, context: EventContext): Promise<void> {
    for (const subscriber of this.#subscribers) {
      if (subscriber.types && !matches(subscriber.types, event.type)) continue;
      await subscriber.run(event, context);
    }
  }

  /** Runs every subscriber on the events it is interested in: once per batch when it can, else per event. */
  async dispatchMany(events: readonly DomainEvent[], context: EventContext): Promise<void> {
    for (const subscriber of this.#subscribers) {
      const wanted = subscriber.types ? events.filter((e) => matches(subscriber.types!, e.type)) : events;
      if (wanted.length === 0) continue;
      if (subscriber.runMany) await subscriber.runMany(wanted, context);
      else for (const event of wanted) await subscriber.run(event, context);
    }
  }
}

function matches(types: ReadonlySet<string>, type: string): boolean {
  if (types.has(type)) return true;
  const dot = type.indexOf(".");
  return dot > 0 && types.has(type.slice(0, dot + 1));
}

/** The pub/sub channel live events of a workspace go out on (SSE fan-out). */
export function workspaceEventsChannel(workspaceId: string): string {
  return `ws:${workspaceId}:events`;
}

/** The JSON published on {@link workspaceEventsChannel} for one event. */
export function eventMessage(event: DomainEvent): string {
  return JSON.stringify({
    id: event.id,
    workspace_id: event.workspaceId,
    type: event.type,
    actor_id: event.actorId,
    entity: { type: event.entity.type, id: event.entity.id, name: event.entity.name ?? null },
    metadata: event.metadata,
    audience: event.audience ?? [],
    occurred_at: event.occurredAt.toISOString(),
  });
}
