import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { TeamFilter, TeamRepository } from "./team-repository.ts";
import { toTeamView, type TeamView } from "./team-view.ts";

export type ListTeamsDeps = { teams: TeamRepository; permissionOverrides: PermissionOverrides };

/** The workspace's teams with member counts, filtered by name, active state or parent. */
export async function listTeams(deps: ListTeamsDeps, actor: Actor, filter: TeamFilter): Promise<{ items: TeamView[]; total: number }> {
  await authorize(deps, actor, "can_view_team");
  const teams = await deps.teams.list(workspaceOf(actor), filter);
  return { items: teams.map(toTeamView), total: teams.length };
}
