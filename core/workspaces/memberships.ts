import type { Role } from "../auth/actor.ts";
import type { InTransaction } from "../events/domain-event.ts";
import { Conflict, MigrationRequired, NotFound } from "../errors.ts";
import { ensureMember, invalidateMemberCache } from "../members/ensure-member.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

/**
 * The one place where the Workspaces section makes users join or leave a workspace.
 * Both go through the Members section's repository, so the platform membership, the
 * tenant member record, team memberships and the cached member list change together;
 * add further reactions (audit, notifications) here.
 */
export type MembershipDeps = Pick<WorkspaceDeps, "members" | "cache" | "workspaces" | "tenantSchemas" | "events">;

/** 503 while the workspace's tenant schema is being migrated: its member tables may not be ready. */
async function assertSchemaCurrent(deps: MembershipDeps, ws: WorkspaceRef): Promise<void> {
  if (!(await deps.tenantSchemas.isCurrent(ws.schemaName))) {
    throw new MigrationRequired("this workspace's data is being upgraded; try again shortly");
  }
}

/**
 * Makes `userId` an active member with `role` (reviving a removed membership) and creates
 * their tenant member record. False, and nothing changed, when they already belong (their role stays).
 */
export async function addMembership(deps: MembershipDeps, ws: WorkspaceRef, userId: string, role: Role, within?: InTransaction): Promise<boolean> {
  await assertSchemaCurrent(deps, ws);
  const status = await deps.members.membershipStatus(ws, userId);
  if (status !== null && status !== "removed") return false;
  try {
    // `member.added` (and the caller's events, e.g. `invitation.accepted`) commit with the membership.
    await deps.members.addMembership(ws, { userId, role }, async (transaction) => {
      await deps.events.record({ workspaceId: ws.id, type: "member.added", actorId: userId, entity: { type: "member", id: userId }, metadata: { role }, audience: [userId] }, { transaction });
      await within?.(transaction, undefined);
    });
  } catch (error) {
    // A concurrent accept got there first: the user belongs, which is what was asked.
    if (error instanceof Conflict) return false;
    throw error;
  }
  await ensureMember(deps, ws, userId);
  return true;
}

/**
 * Removes `userId` from the workspace: access ends, the tenant record and team memberships
 * go. Refuses (409) to remove the last active owner, so a workspace always keeps someone
 * who can administer it. Returns whether the user now belongs to no workspace at all.
 */
export async function removeMembership(deps: MembershipDeps, ws: WorkspaceRef, userId: string, within?: InTransaction): Promise<{ orphaned: boolean }> {
  const member = await deps.workspaces.findMember(ws.id, userId);
  if (!member) throw new NotFound("member", userId);
  await assertSchemaCurrent(deps, ws);
  if (member.role === "owner" && member.status === "active" && (await deps.workspaces.countActiveOwners(ws.id)) <= 1) {
    throw new Conflict("the workspace's last owner cannot be removed; make someone else owner first");
  }
  await deps.members.remove(ws, userId, within);
  await invalidateMemberCache(deps, ws.id);
  return { orphaned: (await deps.members.countWorkspaces(userId)) === 0 };
}

/** Deletes the account of a user who belongs to no workspace any more (tenant record first). */
export async function deleteOrphanedUser(deps: MembershipDeps, ws: WorkspaceRef, userId: string): Promise<void> {
  await deps.members.deleteUser(ws, userId);
}
