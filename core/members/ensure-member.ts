import type { Cache } from "../ports/cache.ts";
import type { MemberRepository, WorkspaceRef } from "./member-repository.ts";

/** Cache key of the minimal member list (`GET /members/all`). */
export function allMembersCacheKey(workspaceId: string): string {
  return `ws:${workspaceId}:members:all`;
}

/** Drops the cached minimal member list; call after any change to a member or membership. */
export async function invalidateMemberCache(deps: { cache: Cache }, workspaceId: string): Promise<void> {
  await deps.cache.delete(allMembersCacheKey(workspaceId));
}

/**
 * The one place that creates a member's tenant record: call it whenever a membership is
 * created or revived (member creation here, invitation acceptance in Workspaces) and before
 * writing workspace-specific fields. Idempotent; revives a soft-deleted record with empty
 * fields, and invalidates the cached member list.
 *
 * @example
 * await ensureMember(services, { id: workspace.id, schemaName: workspace.schema_name }, userId);
 */
export async function ensureMember(
  deps: { members: MemberRepository; cache: Cache },
  ws: WorkspaceRef,
  userId: string,
): Promise<void> {
  await deps.members.ensureTenantRows(ws, [userId]);
  await invalidateMemberCache(deps, ws.id);
}
