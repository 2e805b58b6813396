import type { Actor } from "../auth/actor.ts";
import type { DomainEvent, EventRecorder, EventTransaction } from "./domain-event.ts";

/** Deps of a use-case that records events. */
export type EventDeps = { events: EventRecorder };

/** An event as a use-case describes it; the workspace and actor come from the `actor`. */
export type ActorEvent = {
  type: string;
  entity: DomainEvent["entity"];
  metadata?: Record<string, unknown>;
  audience?: string[];
};

/**
 * Records `event` as done by `actor` in the actor's workspace: the one line a use-case
 * adds after (or, with `transaction`, inside the transaction of) its change.
 *
 * @example
 * await recordEvent(deps, actor, { type: "team.created", entity: { type: "team", id: team.id, name: team.name } });
 */
export async function recordEvent(
  deps: { events: EventRecorder },
  actor: Actor,
  event: ActorEvent,
  options: { transaction?: EventTransaction } = {},
): Promise<DomainEvent> {
  const workspace = actor.workspace;
  if (!workspace) throw new Error("recordEvent needs a workspace-scoped actor");
  return await deps.events.record(
    {
      workspaceId: workspace.id,
      type: event.type,
      actorId: actor.userId,
      entity: event.entity,
      metadata: event.metadata ?? {},
      ...(event.audience ? { audience: event.audience } : {}),
    },
    options,
  );
}
