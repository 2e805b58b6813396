import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ActivityDeps } from "./activity-deps.ts";
import type { ActivityStats } from "./activity-repository.ts";

export type GetActivityStatsInput = { days?: number; top?: number };

/**
 * Dashboard counts over the last `days` UTC days (default 30, today included): per type,
 * per day, and the `top` most active members (default 5). Requires `can_view_activity`.
 */
export async function getActivityStats(
  deps: Pick<ActivityDeps, "activity" | "permissionOverrides" | "now">,
  actor: Actor,
  input: GetActivityStatsInput = {},
): Promise<ActivityStats & { days: number; since: Date }> {
  await authorize(deps, actor, "can_view_activity");
  const days = input.days ?? 30;
  const now = deps.now();
  const stats = await deps.activity.stats(workspaceOf(actor), { days, now, top: input.top ?? 5 });
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  return { ...stats, days, since };
}
