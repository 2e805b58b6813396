import type { Actor } from "../auth/actor.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import { requireMember, workspaceOf } from "./member-access.ts";
import type { MemberItemRegistry } from "./member-item-sources.ts";
import type { MemberRepository } from "./member-repository.ts";

export type MemberOffboardingDeps = {
  members: MemberRepository;
  memberItems: MemberItemRegistry;
  permissionOverrides: PermissionOverrides;
};

export type MemberDeletionInfo = {
  member_id: string;
  workspace_count: number;
  can_delete_user: boolean;
  /** Items the member owns or is assigned, per item type. */
  item_counts: Record<string, number>;
  total_items: number;
};

/**
 * What removing or deleting a member would involve. `can_delete_user` is true only when
 * the user belongs to this workspace alone and is neither the owner nor the caller, the
 * same conditions `deleteMemberPermanently` enforces. Requires `can_delete_member`.
 */
export async function getMemberDeletionInfo(
  deps: MemberOffboardingDeps,
  actor: Actor,
  input: { memberId: string },
): Promise<MemberDeletionInfo> {
  await authorize(deps, actor, "can_delete_member");
  const ws = workspaceOf(actor);
  const member = await requireMember(deps, ws, input.memberId);
  const workspaceCount = await deps.members.countWorkspaces(member.userId);
  const counts = await deps.memberItems.run(ws, async (scope) => {
    const entries: [string, number][] = [];
    for (const source of deps.memberItems.sources) entries.push([source.type, await source.count(scope, member.userId)]);
    return entries;
  });
  return {
    member_id: member.userId,
    workspace_count: workspaceCount,
    can_delete_user: workspaceCount === 1 && member.role !== "owner" && member.userId !== actor.userId,
    item_counts: Object.fromEntries(counts),
    total_items: counts.reduce((sum, [, n]) => sum + n, 0),
  };
}
