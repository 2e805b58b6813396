import type { Actor } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { TeamRepository } from "./team-repository.ts";

export type DeleteTeamDeps = { teams: TeamRepository; permissionOverrides: PermissionOverrides };

/**
 * Deletes a team and its memberships. Its sub-teams are kept and move up to the deleted
 * team's parent (top level when it had none), so no team is lost with its parent.
 * Requires `can_delete_team`.
 */
export async function deleteTeam(deps: DeleteTeamDeps & EventDeps, actor: Actor, input: { teamId: string }): Promise<void> {
  await authorize(deps, actor, "can_delete_team");
  const deleted = await deps.teams.delete(workspaceOf(actor), input.teamId, async (transaction) => {
    await recordEvent(deps, actor, { type: "team.deleted", entity: { type: "team", id: input.teamId } }, { transaction });
  });
  if (!deleted) throw new NotFound("team", input.teamId);
}
