import type { Actor } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { ensureMember } from "../members/ensure-member.ts";
import { requireMember, workspaceOf } from "../members/member-access.ts";
import { authorize } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import type { TeamMembersDeps } from "./list-team-members.ts";
import { requireTeam } from "./team-access.ts";
import type { TeamRole } from "./team-repository.ts";
import { toTeamMemberView, type TeamMemberView } from "./team-view.ts";

export type AddTeamMemberDeps = TeamMembersDeps & { cache: Cache };

/**
 * Adds a workspace member to a team as `lead` or `member`. Requires `can_edit_team`;
 * 404 for an unknown team or a user outside this workspace, 409 when already in the team.
 */
export async function addTeamMember(
  deps: AddTeamMemberDeps & EventDeps,
  actor: Actor,
  input: { teamId: string; memberId: string; role: TeamRole },
): Promise<TeamMemberView> {
  await authorize(deps, actor, "can_edit_team");
  const ws = workspaceOf(actor);
  await requireTeam(deps, ws, input.teamId);
  const member = await requireMember(deps, ws, input.memberId);
  await ensureMember(deps, ws, member.userId);
  const membership = await deps.teams.addMember(ws, input.teamId, member.userId, input.role, async (transaction) => {
    await recordEvent(deps, actor, { type: "team.member_added", entity: { type: "team", id: input.teamId }, metadata: { user_id: member.userId, role: input.role }, audience: [member.userId] }, { transaction });
  });
  return await toTeamMemberView(deps, membership, member);
}
