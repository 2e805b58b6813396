import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { requireMember, workspaceOf } from "../members/member-access.ts";
import { authorize } from "../permissions/authorize.ts";
import type { TeamMembersDeps } from "./list-team-members.ts";
import { requireTeam } from "./team-access.ts";
import type { TeamRole } from "./team-repository.ts";
import { toTeamMemberView, type TeamMemberView } from "./team-view.ts";

/** Makes a team member a `lead` or a plain `member`. Requires `can_edit_team`; 404 when not in the team. */
export async function updateTeamMemberRole(
  deps: TeamMembersDeps,
  actor: Actor,
  input: { teamId: string; memberId: string; role: TeamRole },
): Promise<TeamMemberView> {
  await authorize(deps, actor, "can_edit_team");
  const ws = workspaceOf(actor);
  await requireTeam(deps, ws, input.teamId);
  const member = await requireMember(deps, ws, input.memberId);
  const membership = await deps.teams.updateMemberRole(ws, input.teamId, member.userId, input.role);
  if (!membership) throw new NotFound("team member", input.memberId);
  return await toTeamMemberView(deps, membership, member);
}
