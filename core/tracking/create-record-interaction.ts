import type { Actor } from "../auth/actor.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "../records/record-access.ts";
import { interactionPatch, type InteractionInput } from "./interaction-input.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import type { InteractionType } from "./tracking-repository.ts";
import { toInteractionJson, type InteractionJson } from "./tracking-view.ts";

export type CreateRecordInteractionInput = InteractionInput & { recordId: string; interactionType: InteractionType; summary: string };

/** Logs an interaction on the record's timeline (`occurred_at` defaults to now). Needs edit rights on the record. */
export async function createRecordInteraction(deps: TrackingDeps, actor: Actor, input: CreateRecordInteractionInput): Promise<InteractionJson> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "edit");
  const now = deps.now();
  const patch = interactionPatch(input, now);
  const id = newId();
  const created = await deps.tracking.createInteraction(
    workspaceOf(actor),
    {
      id,
      recordId: record.id,
      interactionType: input.interactionType,
      summary: patch.summary!,
      notes: patch.notes ?? null,
      occurredAt: patch.occurredAt ?? now,
      durationMinutes: patch.durationMinutes ?? null,
      outcome: patch.outcome ?? null,
      createdBy: actor.userId,
    },
    async (transaction) => {
      await recordEvent(
        deps,
        actor,
        { type: "interaction.logged", entity: { type: "record", id: record.id, name: record.title }, metadata: { interaction_id: id, interaction_type: input.interactionType, recordset_id: recordset.id } },
        { transaction },
      );
    },
  );
  return toInteractionJson(created);
}
