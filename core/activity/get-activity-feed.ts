import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ActivityDeps } from "./activity-deps.ts";
import { toActivityFilter, type ActivityFilterInput } from "./activity-filters.ts";
import type { ActivityItem } from "./activity-repository.ts";

export type GetActivityFeedInput = ActivityFilterInput & { limit?: number; offset?: number };

/** A page of the workspace's activity, newest first. Requires `can_view_activity` (every role by default). */
export async function getActivityFeed(
  deps: Pick<ActivityDeps, "activity" | "permissionOverrides">,
  actor: Actor,
  input: GetActivityFeedInput = {},
): Promise<{ items: ActivityItem[]; total: number; limit: number; offset: number }> {
  await authorize(deps, actor, "can_view_activity");
  const filter = toActivityFilter(actor, input);
  const limit = input.limit ?? 20;
  const offset = input.offset ?? 0;
  const page = await deps.activity.feed(workspaceOf(actor), filter, { limit, offset });
  return { ...page, limit, offset };
}
