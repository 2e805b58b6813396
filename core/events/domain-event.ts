/**
 * Something that happened in a workspace, recorded by the use-case that made it happen,
 * in the same transaction as its change. From one event come: an activity row (the
 * feed), notifications for the members who want them, and later webhook deliveries.
 *
 * @example
 * { type: "member.added", actorId, entity: { type: "member", id: userId, name: "Ada" },
 *   metadata: { role: "admin" } }
 */
export type DomainEvent = {
  id: string;
  workspaceId: string;
  /** Dotted `<entity>.<verb>`, e.g. `member.added`, `api_key.revoked`, `record.updated`. */
  type: string;
  /** The user who acted; null for the system (jobs, webhooks). */
  actorId: string | null;
  entity: { type: string; id: string; name?: string | null };
  /** Small JSON facts for the feed and for templates (no secrets). */
  metadata: Record<string, unknown>;
  /** Users the event concerns directly (assignee, mentioned, invited): they are notified first. */
  audience?: string[];
  occurredAt: Date;
};

/** The caller's open transaction, opaque to core (the database adapter makes one from its own). */
declare const eventTransactionBrand: unique symbol;
export type EventTransaction = { readonly [eventTransactionBrand]: "EventTransaction" };

/**
 * A use-case's callback that a repository runs inside its write transaction, with what the
 * write produced: the use-case records its domain event there, so the event (activity row,
 * notifications) commits or rolls back with the change (a unit of work without leaking the
 * database into core).
 *
 * @example
 * await deps.teams.create(ws, team, (transaction, created) =>
 *   recordEvent(deps, actor, { type: "team.created", entity: {...} }, { transaction }).then(() => {}));
 */
export type InTransaction<T = void> = (transaction: EventTransaction, result: T) => Promise<void>;

/**
 * Records events. With `transaction`, the activity row and the notifications commit or
 * roll back with the caller's change; live delivery (pub/sub) happens after commit.
 */
export interface EventRecorder {
  record(event: Omit<DomainEvent, "id" | "occurredAt"> & { occurredAt?: Date }, options?: { transaction?: EventTransaction }): Promise<DomainEvent>;
  /**
   * Records many events of one workspace at once: one multi-row write per table and one
   * dispatch per subscriber for the whole batch (bulk operations such as imports, bulk
   * deletes, digests). Same transaction semantics as `record`.
   */
  recordMany(
    events: ReadonlyArray<Omit<DomainEvent, "id" | "occurredAt"> & { occurredAt?: Date }>,
    options?: { transaction?: EventTransaction },
  ): Promise<DomainEvent[]>;
}
