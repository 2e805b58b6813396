import type { InTransaction } from "../events/domain-event.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";

export type TeamRole = "lead" | "member";

/** A team with its member count. */
export type TeamRecord = {
  id: string;
  name: string;
  description: string | null;
  parentTeamId: string | null;
  isActive: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  memberCount: number;
};

export type TeamMemberRecord = { teamId: string; userId: string; role: TeamRole; addedAt: Date };

export type TeamFilter = { search?: string; isActive?: boolean; parentTeamId?: string };

export type NewTeam = {
  id: string;
  name: string;
  description: string | null;
  parentTeamId: string | null;
  isActive: boolean;
  createdBy: string | null;
};

export type TeamPatch = { name?: string; description?: string | null; parentTeamId?: string | null; isActive?: boolean };

/** Teams of one workspace (tenant tables `teams`, `team_members`). */
export interface TeamRepository {
  /** Teams matching the filter, by name. */
  list(ws: WorkspaceRef, filter: TeamFilter): Promise<TeamRecord[]>;
  find(ws: WorkspaceRef, teamId: string): Promise<TeamRecord | null>;
  /** Throws `Conflict` when the name is taken (case-insensitive). */
  create(ws: WorkspaceRef, team: NewTeam, within?: InTransaction<TeamRecord>): Promise<TeamRecord>;
  /** Throws `Conflict` when the new name is taken; null when the team is gone. */
  update(ws: WorkspaceRef, teamId: string, patch: TeamPatch, within?: InTransaction<TeamRecord>): Promise<TeamRecord | null>;
  /** `teamId` and every ancestor above it, nearest first. */
  lineage(ws: WorkspaceRef, teamId: string): Promise<string[]>;
  /** Deletes the team; its children move up to its parent. False when it was not there. */
  delete(ws: WorkspaceRef, teamId: string, within?: InTransaction): Promise<boolean>;
  listMembers(ws: WorkspaceRef, teamId: string): Promise<TeamMemberRecord[]>;
  /** Throws `Conflict` when the member is already in the team. */
  addMember(ws: WorkspaceRef, teamId: string, userId: string, role: TeamRole, within?: InTransaction<TeamMemberRecord>): Promise<TeamMemberRecord>;
  updateMemberRole(ws: WorkspaceRef, teamId: string, userId: string, role: TeamRole): Promise<TeamMemberRecord | null>;
  removeMember(ws: WorkspaceRef, teamId: string, userId: string): Promise<boolean>;
}
