import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "../records/record-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import { toInsightJson, type InsightJson, type PageJson } from "./tracking-view.ts";

export type ListRecordInsightsInput = { recordId: string; page: number; pageSize: number; insightType?: string | undefined; includeDismissed?: boolean | undefined };

/** A record's insights, newest first; dismissed ones only with `includeDismissed`. Needs `can_view`. */
export async function listRecordInsights(deps: TrackingDeps, actor: Actor, input: ListRecordInsightsInput): Promise<PageJson<InsightJson>> {
  const { record } = await recordFor(deps, actor, input.recordId, "view");
  const { items, total } = await deps.tracking.listInsights(workspaceOf(actor), {
    recordId: record.id,
    page: input.page,
    pageSize: input.pageSize,
    insightType: input.insightType,
    includeDismissed: input.includeDismissed ?? false,
  });
  return { items: items.map(toInsightJson), total, page: input.page, page_size: input.pageSize };
}
