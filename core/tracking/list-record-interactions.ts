import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "../records/record-access.ts";
import type { TrackingDeps } from "./tracking-deps.ts";
import type { InteractionType } from "./tracking-repository.ts";
import { toInteractionJson, type InteractionJson, type PageJson } from "./tracking-view.ts";

export type ListRecordInteractionsInput = { recordId: string; page: number; pageSize: number; interactionType?: InteractionType | undefined };

/** A record's interactions as a timeline: most recent `occurred_at` first. Needs `can_view`. */
export async function listRecordInteractions(deps: TrackingDeps, actor: Actor, input: ListRecordInteractionsInput): Promise<PageJson<InteractionJson>> {
  const { record } = await recordFor(deps, actor, input.recordId, "view");
  const { items, total } = await deps.tracking.listInteractions(workspaceOf(actor), {
    recordId: record.id,
    page: input.page,
    pageSize: input.pageSize,
    interactionType: input.interactionType,
  });
  return { items: items.map(toInteractionJson), total, page: input.page, page_size: input.pageSize };
}
