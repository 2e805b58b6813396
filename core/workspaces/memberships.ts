import type { Role } from "../auth/actor.ts";
import { Conflict, NotFound } from "../errors.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";

/**
 * The one place where users join or leave a workspace. Every Workspaces use-case that
 * changes a membership goes through these two functions, so sections that keep their own
 * per-workspace records of people (tenant member rows, teams) can react here.
 */
export type MembershipDeps = Pick<WorkspaceDeps, "workspaces" | "now">;

/** Adds `userId` to the workspace with `role`; false (nothing changed) when already a member. */
export async function addMembership(deps: MembershipDeps, workspaceId: string, userId: string, role: Role): Promise<boolean> {
  return await deps.workspaces.addMember(workspaceId, userId, role, deps.now());
}

/**
 * Removes `userId` from the workspace. Refuses (409) to remove the last owner, so a
 * workspace always keeps someone who can administer it.
 */
export async function removeMembership(deps: MembershipDeps, workspaceId: string, userId: string): Promise<void> {
  const outcome = await deps.workspaces.removeMember(workspaceId, userId);
  if (outcome === "not_found") throw new NotFound("member", userId);
  if (outcome === "last_owner") throw new Conflict("the workspace's last owner cannot be removed; make someone else owner first");
}
