import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { insightFor } from "./tracking-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import { toInsightJson, type InsightJson } from "./tracking-view.ts";

/**
 * Marks an insight dismissed or acted on (shared by both operations). Idempotent: the first
 * time and person are kept. Needs the right to edit the insight's record.
 */
export async function markInsight(deps: TrackingDeps, actor: Actor, insightId: string, mark: "dismissed" | "action_taken"): Promise<InsightJson> {
  const { item, recordset } = await insightFor(deps, actor, insightId, "edit");
  const updated = await deps.tracking.markInsight(workspaceOf(actor), item.id, mark, actor.userId, deps.now(), async (transaction) => {
    await recordEvent(
      deps,
      actor,
      { type: `insight.${mark}`, entity: { type: "record_insight", id: item.id, name: item.title }, metadata: { record_id: item.recordId, recordset_id: recordset.id, insight_type: item.insightType } },
      { transaction },
    );
  });
  if (!updated) throw new NotFound("insight", insightId);
  return toInsightJson(updated);
}
