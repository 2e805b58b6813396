import type { Actor } from "../auth/actor.ts";
import { Conflict, Invalid } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import { ensureMember } from "./ensure-member.ts";
import type { MemberOffboardingDeps } from "./get-member-deletion-info.ts";
import { assertCanActOn, requireMember, workspaceOf } from "./member-access.ts";

export type ReassignMemberItemsDeps = MemberOffboardingDeps & { cache: Cache };

export type ReassignResult = {
  member_id: string;
  target_member_id: string;
  /** Items moved, per item type. */
  reassigned: Record<string, number>;
  total: number;
};

/**
 * Moves everything the member owns or is assigned to another active member, all item
 * types in one transaction (all or nothing). Requires `can_edit_member` and a role at
 * least the member's.
 */
export async function reassignMemberItems(
  deps: ReassignMemberItemsDeps,
  actor: Actor,
  input: { memberId: string; targetMemberId: string },
): Promise<ReassignResult> {
  await authorize(deps, actor, "can_edit_member");
  if (input.memberId === input.targetMemberId) {
    throw new Invalid("cannot reassign items to the same member", [
      { field: "target_member_id", message: "must differ from member_id" },
    ]);
  }
  const ws = workspaceOf(actor);
  const member = await requireMember(deps, ws, input.memberId);
  assertCanActOn(actor, member);
  const target = await requireMember(deps, ws, input.targetMemberId);
  if (target.status !== "active") throw new Conflict(`member ${target.userId} is not active and cannot receive items`);
  // Sources may reference the target's tenant record (team leads).
  await ensureMember(deps, ws, target.userId);
  const moved = await deps.memberItems.run(ws, async (scope) => {
    const entries: [string, number][] = [];
    for (const source of deps.memberItems.sources) {
      entries.push([source.type, await source.reassign(scope, member.userId, target.userId)]);
    }
    return entries;
  });
  return {
    member_id: member.userId,
    target_member_id: target.userId,
    reassigned: Object.fromEntries(moved),
    total: moved.reduce((sum, [, n]) => sum + n, 0),
  };
}
