import type { MemberRepository, WorkspaceRef } from "../members/member-repository.ts";

/** Who did something to a record, as the API shows them (snake_case JSON). */
export type UserSummaryJson = { id: string | null; name: string | null; email: string | null };

/**
 * The people behind `userIds` (authors, editors), looked up in one query. Someone who
 * left the workspace keeps their id with a null name and email: history is not rewritten.
 */
export async function userSummaries(deps: { members: MemberRepository }, ws: WorkspaceRef, userIds: readonly (string | null)[]): Promise<(id: string | null) => UserSummaryJson | null> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  const members = ids.length ? await deps.members.findMany(ws, ids) : [];
  const byId = new Map(members.map((m) => [m.userId, { id: m.userId, name: m.displayName ?? m.fullName, email: m.email }]));
  return (id) => (id === null ? null : (byId.get(id) ?? { id, name: null, email: null }));
}
