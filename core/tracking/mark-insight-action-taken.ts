import type { Actor } from "../auth/actor.ts";
import { markInsight } from "./mark-insight.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import type { InsightJson } from "./tracking-view.ts";

/** Records that someone acted on the insight (it stays listed, `status: action_taken`). */
export function markInsightActionTaken(deps: TrackingDeps, actor: Actor, input: { insightId: string }): Promise<InsightJson> {
  return markInsight(deps, actor, input.insightId, "action_taken");
}
