import type { Actor } from "../auth/actor.ts";
import { markInsight } from "./mark-insight.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import type { InsightJson } from "./tracking-view.ts";

/** Dismisses the insight: lists hide it unless `include_dismissed=true`. */
export function dismissRecordInsight(deps: TrackingDeps, actor: Actor, input: { insightId: string }): Promise<InsightJson> {
  return markInsight(deps, actor, input.insightId, "dismissed");
}
