import type { Actor } from "../auth/actor.ts";
import { Conflict } from "../errors.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { invalidateMemberCache } from "./ensure-member.ts";
import { assertCanActOn, requireMember, workspaceOf } from "./member-access.ts";
import type { MemberRepository } from "./member-repository.ts";

export type RemoveMemberDeps = { members: MemberRepository; cache: Cache; permissionOverrides: PermissionOverrides };

/**
 * Removes a member from the workspace, softly: the membership becomes `removed` (access
 * ends at once) and the tenant record is soft-deleted; the user account stays. Requires
 * `can_delete_member` and a role at least the member's; the owner cannot be removed (409).
 */
export async function removeMember(deps: RemoveMemberDeps & EventDeps, actor: Actor, input: { memberId: string }): Promise<void> {
  await authorize(deps, actor, "can_delete_member");
  const ws = workspaceOf(actor);
  const member = await requireMember(deps, ws, input.memberId);
  assertCanActOn(actor, member);
  if (member.role === "owner") throw new Conflict("the workspace owner cannot be removed; transfer ownership first");
  await deps.members.remove(ws, member.userId, async (transaction) => {
    await recordEvent(deps, actor, { type: "member.removed", entity: { type: "member", id: member.userId, name: member.displayName ?? member.fullName }, metadata: { role: member.role }, audience: [member.userId] }, { transaction });
  });
  await invalidateMemberCache(deps, ws.id);
}
