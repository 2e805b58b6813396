import type { Actor } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import { requireTeam } from "./team-access.ts";
import { assertValidParent } from "./team-hierarchy.ts";
import type { TeamPatch, TeamRepository } from "./team-repository.ts";
import { toTeamView, type TeamView } from "./team-view.ts";

export type UpdateTeamDeps = { teams: TeamRepository; permissionOverrides: PermissionOverrides };

/** Changes a team's fields or moves it under another parent (no cycles). Requires `can_edit_team`. */
export async function updateTeam(deps: UpdateTeamDeps & EventDeps, actor: Actor, input: { teamId: string; patch: TeamPatch }): Promise<TeamView> {
  await authorize(deps, actor, "can_edit_team");
  const ws = workspaceOf(actor);
  await requireTeam(deps, ws, input.teamId);
  if (input.patch.parentTeamId) await assertValidParent(deps, ws, input.patch.parentTeamId, input.teamId);
  const patch = input.patch.name === undefined ? input.patch : { ...input.patch, name: input.patch.name.trim() };
  const team = await deps.teams.update(ws, input.teamId, patch, async (transaction, updated) => {
    await recordEvent(deps, actor, { type: "team.updated", entity: { type: "team", id: updated.id, name: updated.name }, metadata: { changed: Object.keys(input.patch) } }, { transaction });
  });
  if (!team) throw new NotFound("team", input.teamId);
  return toTeamView(team);
}
