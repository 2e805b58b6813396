import type { Actor, Role } from "../auth/actor.ts";
import { Conflict } from "../errors.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { ensureMember, invalidateMemberCache } from "./ensure-member.ts";
import { assertCanActOn, assertCanGrant, requireMember, workspaceOf } from "./member-access.ts";
import type { MemberProfilePatch, MemberRepository } from "./member-repository.ts";
import { toMemberView, type MemberView } from "./member-view.ts";

export type UpdateMemberDeps = {
  members: MemberRepository;
  storage: ObjectStorage;
  cache: Cache;
  permissionOverrides: PermissionOverrides;
};

export type UpdateMemberInput = {
  memberId: string;
  role?: Exclude<Role, "owner">;
  isActive?: boolean;
  profile: MemberProfilePatch;
};

/**
 * Changes a member's role, active state or profile fields. Members may edit their own
 * profile fields; anything else needs `can_edit_member` and a role at least the target's
 * ("same or higher": an admin cannot change an owner). The owner role is neither given
 * nor taken here (409): ownership moves through the workspace's ownership transfer.
 */
export async function updateMember(deps: UpdateMemberDeps & EventDeps, actor: Actor, input: UpdateMemberInput): Promise<MemberView> {
  const ws = workspaceOf(actor);
  const member = await requireMember(deps, ws, input.memberId);
  const changesMembership = input.role !== undefined || input.isActive !== undefined;
  const changesProfile = Object.keys(input.profile).length > 0;
  if (changesMembership || member.userId !== actor.userId) {
    await authorize(deps, actor, "can_edit_member");
    assertCanActOn(actor, member);
  }
  if (changesMembership) {
    if (member.role === "owner" && (input.role !== undefined || input.isActive === false)) {
      throw new Conflict("the owner's role and access cannot be changed here; transfer ownership first");
    }
    if (input.role !== undefined) assertCanGrant(actor, input.role);
    const status = input.isActive === undefined ? undefined : input.isActive ? ("active" as const) : ("inactive" as const);
    const roleChanged = input.role !== undefined && input.role !== member.role;
    await deps.members.updateMembership(ws, member.userId, { role: input.role, status }, async (transaction) => {
      if (!roleChanged) return;
      await recordEvent(deps, actor, { type: "member.role_changed", entity: { type: "member", id: member.userId, name: member.displayName ?? member.fullName }, metadata: { from: member.role, to: input.role }, audience: [member.userId] }, { transaction });
    });
  }
  if (changesProfile) {
    await ensureMember(deps, ws, member.userId);
    await deps.members.updateProfile(ws, member.userId, input.profile);
  }
  await invalidateMemberCache(deps, ws.id);
  return await toMemberView(deps, await requireMember(deps, ws, member.userId));
}
