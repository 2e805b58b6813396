import type { MemberRepository } from "../members/member-repository.ts";
import type { TeamRepository } from "../teams/team-repository.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";

/** What the access-grant use-cases need: grants name members and teams of the workspace. */
export type RecordsetAccessGrantDeps = RecordsetDeps & { members: MemberRepository; teams: TeamRepository };
