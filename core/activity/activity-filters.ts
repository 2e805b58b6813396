import type { Actor } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import type { ActivityFilter } from "./activity-repository.ts";

/** Filters as the feed and the export accept them (already parsed from the request). */
export type ActivityFilterInput = {
  types?: string[];
  search?: string;
  startDate?: Date;
  endDate?: Date;
  /** `mine`: events by the caller or concerning them; `all` (default): the whole workspace. */
  scope?: "mine" | "all";
  userIds?: string[];
  teamIds?: string[];
};

/** The repository filter for `input`, as `actor` asked for it; 422 for an inverted date range. */
export function toActivityFilter(actor: Actor, input: ActivityFilterInput): ActivityFilter {
  if (input.startDate && input.endDate && input.startDate > input.endDate) {
    throw new Invalid("start_date must not be after end_date", [{ field: "start_date", message: "must not be after end_date" }]);
  }
  const search = input.search?.trim();
  return {
    ...(input.types?.length ? { types: [...new Set(input.types)] } : {}),
    ...(search ? { search } : {}),
    ...(input.startDate ? { startDate: input.startDate } : {}),
    ...(input.endDate ? { endDate: input.endDate } : {}),
    ...(input.scope === "mine" && actor.userId ? { concerning: actor.userId } : {}),
    ...(input.userIds?.length ? { actorIds: [...new Set(input.userIds)] } : {}),
    ...(input.teamIds?.length ? { teamIds: [...new Set(input.teamIds)] } : {}),
  };
}
