import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { interactionPatch, type InteractionInput } from "./interaction-input.ts";
import { interactionFor } from "./tracking-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import { toInteractionJson, type InteractionJson } from "./tracking-view.ts";

/** Changes the given fields of an interaction (null clears notes, duration, outcome). Needs edit rights on its record. */
export async function updateRecordInteraction(deps: TrackingDeps, actor: Actor, input: InteractionInput & { interactionId: string }): Promise<InteractionJson> {
  const patch = interactionPatch(input, deps.now());
  if (Object.keys(patch).length === 0) throw new Invalid("give at least one field to change", [{ field: "body", message: "no field to change" }]);
  const { item, recordset } = await interactionFor(deps, actor, input.interactionId, "edit");
  const updated = await deps.tracking.updateInteraction(workspaceOf(actor), item.id, patch, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      { type: "interaction.updated", entity: { type: "record", id: item.recordId, name: null }, metadata: { interaction_id: item.id, recordset_id: recordset.id, changed_fields: Object.keys(patch) } },
      { transaction },
    );
  });
  if (!updated) throw new NotFound("interaction", input.interactionId);
  return toInteractionJson(updated);
}
