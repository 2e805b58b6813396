import type { ObjectStorage } from "../ports/object-storage.ts";
import type { MemberRecord } from "../members/member-repository.ts";
import { avatarUrl } from "../members/member-view.ts";
import type { TeamMemberRecord, TeamRecord, TeamRole } from "./team-repository.ts";

/** A team as returned by the API. */
export type TeamView = {
  id: string;
  name: string;
  description: string | null;
  parent_team_id: string | null;
  is_active: boolean;
  member_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** A team membership with the member's directory fields. */
export type TeamMemberView = {
  team_id: string;
  member_id: string;
  role: TeamRole;
  added_at: string;
  email: string;
  full_name: string;
  display_name: string | null;
  avatar_url: string | null;
};

export function toTeamView(team: TeamRecord): TeamView {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    parent_team_id: team.parentTeamId,
    is_active: team.isActive,
    member_count: team.memberCount,
    created_by: team.createdBy,
    created_at: team.createdAt.toISOString(),
    updated_at: team.updatedAt.toISOString(),
  };
}

export async function toTeamMemberView(
  deps: { storage: ObjectStorage },
  membership: TeamMemberRecord,
  member: MemberRecord,
): Promise<TeamMemberView> {
  return {
    team_id: membership.teamId,
    member_id: membership.userId,
    role: membership.role,
    added_at: membership.addedAt.toISOString(),
    email: member.email,
    full_name: member.fullName,
    display_name: member.displayName,
    avatar_url: await avatarUrl(deps, member),
  };
}
