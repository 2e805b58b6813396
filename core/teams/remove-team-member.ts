import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import { requireTeam } from "./team-access.ts";
import type { TeamRepository } from "./team-repository.ts";

export type RemoveTeamMemberDeps = { teams: TeamRepository; permissionOverrides: PermissionOverrides };

/** Takes a member out of a team. Requires `can_edit_team`; 404 when not in the team. */
export async function removeTeamMember(
  deps: RemoveTeamMemberDeps,
  actor: Actor,
  input: { teamId: string; memberId: string },
): Promise<void> {
  await authorize(deps, actor, "can_edit_team");
  const ws = workspaceOf(actor);
  await requireTeam(deps, ws, input.teamId);
  if (!(await deps.teams.removeMember(ws, input.teamId, input.memberId))) throw new NotFound("team member", input.memberId);
}
