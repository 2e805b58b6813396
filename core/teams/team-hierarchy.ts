import { Invalid, NotFound } from "../errors.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";
import type { TeamRepository } from "./team-repository.ts";

/**
 * Checks a new parent for `teamId` (undefined for a team being created): it must exist in
 * this workspace (404) and must not be the team itself or one of its descendants (422).
 */
export async function assertValidParent(
  deps: { teams: TeamRepository },
  ws: WorkspaceRef,
  parentTeamId: string,
  teamId?: string,
): Promise<void> {
  if (!(await deps.teams.find(ws, parentTeamId))) throw new NotFound("team", parentTeamId);
  if (teamId === undefined) return;
  const lineage = await deps.teams.lineage(ws, parentTeamId);
  if (lineage.includes(teamId)) {
    throw new Invalid("a team cannot be nested under itself or one of its sub-teams", [
      { field: "parent_team_id", message: "would create a cycle" },
    ]);
  }
}
