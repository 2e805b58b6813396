import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import { requireTeam } from "./team-access.ts";
import type { TeamRepository } from "./team-repository.ts";
import { toTeamView, type TeamView } from "./team-view.ts";

export type GetTeamDeps = { teams: TeamRepository; permissionOverrides: PermissionOverrides };

/** One team of the actor's workspace. */
export async function getTeam(deps: GetTeamDeps, actor: Actor, input: { teamId: string }): Promise<TeamView> {
  await authorize(deps, actor, "can_view_team");
  return toTeamView(await requireTeam(deps, workspaceOf(actor), input.teamId));
}
