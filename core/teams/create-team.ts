import type { Actor } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import { assertValidParent } from "./team-hierarchy.ts";
import type { TeamRepository } from "./team-repository.ts";
import { toTeamView, type TeamView } from "./team-view.ts";

export type CreateTeamDeps = { teams: TeamRepository; permissionOverrides: PermissionOverrides };
export type CreateTeamInput = { name: string; description?: string | null; parentTeamId?: string | null; isActive?: boolean };

/** Creates a team, optionally under a parent team. Requires `can_create_team`; 409 for a taken name. */
export async function createTeam(deps: CreateTeamDeps & EventDeps, actor: Actor, input: CreateTeamInput): Promise<TeamView> {
  await authorize(deps, actor, "can_create_team");
  const ws = workspaceOf(actor);
  if (input.parentTeamId) await assertValidParent(deps, ws, input.parentTeamId);
  const team = await deps.teams.create(
    ws,
    {
      id: newId(),
      name: input.name.trim(),
      description: input.description ?? null,
      parentTeamId: input.parentTeamId ?? null,
      isActive: input.isActive ?? true,
      createdBy: actor.userId,
    },
    async (transaction, created) => {
      await recordEvent(deps, actor, { type: "team.created", entity: { type: "team", id: created.id, name: created.name }, metadata: { parent_team_id: created.parentTeamId } }, { transaction });
    },
  );
  return toTeamView(team);
}
