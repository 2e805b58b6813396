import type { Actor } from "../auth/actor.ts";
import { authorize } from "../permissions/authorize.ts";
import type { MemberOffboardingDeps } from "./get-member-deletion-info.ts";
import { requireMember, workspaceOf } from "./member-access.ts";
import type { MemberItem } from "./member-item-sources.ts";

export type MemberItems = { member_id: string; items: MemberItem[]; total: number };

/** Everything the member owns or is assigned, for offboarding. Requires `can_delete_member`. */
export async function getMemberItems(deps: MemberOffboardingDeps, actor: Actor, input: { memberId: string }): Promise<MemberItems> {
  await authorize(deps, actor, "can_delete_member");
  const ws = workspaceOf(actor);
  const member = await requireMember(deps, ws, input.memberId);
  const items = await deps.memberItems.run(ws, async (scope) => {
    const all: MemberItem[] = [];
    for (const source of deps.memberItems.sources) all.push(...(await source.list(scope, member.userId)));
    return all;
  });
  return { member_id: member.userId, items, total: items.length };
}
