import type { Actor } from "../auth/actor.ts";
import { Conflict } from "../errors.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import { invalidateMemberCache } from "./ensure-member.ts";
import { assertCanActOn, requireMember, workspaceOf } from "./member-access.ts";
import type { MemberRepository } from "./member-repository.ts";

export type DeleteMemberPermanentlyDeps = { members: MemberRepository; cache: Cache; permissionOverrides: PermissionOverrides };

/**
 * Deletes the user behind a member, irreversibly. Only when the user belongs to this
 * workspace alone, is not the owner and is not the caller (409 otherwise). Requires
 * `can_delete_member` and a role at least the member's.
 */
export async function deleteMemberPermanently(
  deps: DeleteMemberPermanentlyDeps,
  actor: Actor,
  input: { memberId: string },
): Promise<void> {
  await authorize(deps, actor, "can_delete_member");
  const ws = workspaceOf(actor);
  const member = await requireMember(deps, ws, input.memberId);
  assertCanActOn(actor, member);
  if (member.role === "owner") throw new Conflict("the workspace owner cannot be deleted");
  if (member.userId === actor.userId) throw new Conflict("you cannot delete your own account here");
  const workspaces = await deps.members.countWorkspaces(member.userId);
  if (workspaces > 1) {
    throw new Conflict(`this user belongs to ${workspaces} workspaces; remove them from this one instead`);
  }
  await deps.members.deleteUser(ws, member.userId);
  await invalidateMemberCache(deps, ws.id);
}
