import { NotFound } from "../errors.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";
import type { TeamRecord, TeamRepository } from "./team-repository.ts";

/** The team, or 404 (also for another workspace's team id). */
export async function requireTeam(deps: { teams: TeamRepository }, ws: WorkspaceRef, teamId: string): Promise<TeamRecord> {
  const team = await deps.teams.find(ws, teamId);
  if (!team) throw new NotFound("team", teamId);
  return team;
}
