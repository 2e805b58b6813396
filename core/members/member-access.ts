import { hasRoleAtLeast, type Actor, type Role } from "../auth/actor.ts";
import { Forbidden, NotFound } from "../errors.ts";
import type { MemberRecord, MemberRepository, WorkspaceRef } from "./member-repository.ts";

/** The actor's workspace as a {@link WorkspaceRef}. */
export function workspaceOf(actor: Actor): WorkspaceRef {
  const workspace = actor.workspace;
  if (!workspace) throw new Error("member use-cases need a workspace-scoped actor");
  return { id: workspace.id, schemaName: workspace.schemaName };
}

/** The member, or 404 (also for another workspace's user and removed members). */
export async function requireMember(deps: { members: MemberRepository }, ws: WorkspaceRef, userId: string): Promise<MemberRecord> {
  const member = await deps.members.find(ws, userId);
  if (!member) throw new NotFound("member", userId);
  return member;
}

/**
 * "Same or higher role": the actor may act on a member whose role is at most their own,
 * so an admin never changes, removes or deletes an owner.
 */
export function assertCanActOn(actor: Actor, target: Pick<MemberRecord, "role">): void {
  const role = actor.workspace!.role;
  if (!hasRoleAtLeast(role, target.role)) {
    throw new Forbidden(`a ${role} cannot act on a member with the ${target.role} role`);
  }
}

/** The actor may grant `role` only when it is at most their own. */
export function assertCanGrant(actor: Actor, role: Role): void {
  const own = actor.workspace!.role;
  if (!hasRoleAtLeast(own, role)) throw new Forbidden(`a ${own} cannot grant the ${role} role`);
}
