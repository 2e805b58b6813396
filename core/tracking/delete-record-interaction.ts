import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { interactionFor } from "./tracking-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";

/** Deletes an interaction from the timeline (for good). Needs edit rights on its record. */
export async function deleteRecordInteraction(deps: TrackingDeps, actor: Actor, input: { interactionId: string }): Promise<{ deleted: true; id: string }> {
  const { item, recordset } = await interactionFor(deps, actor, input.interactionId, "edit");
  const deleted = await deps.tracking.deleteInteraction(workspaceOf(actor), item.id, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      { type: "interaction.deleted", entity: { type: "record", id: item.recordId, name: null }, metadata: { interaction_id: item.id, interaction_type: item.interactionType, recordset_id: recordset.id } },
      { transaction },
    );
  });
  if (!deleted) throw new NotFound("interaction", input.interactionId);
  return { deleted: true, id: item.id };
}
