import type { Actor } from "../auth/actor.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { requireMember, workspaceOf } from "./member-access.ts";
import type { MemberRepository } from "./member-repository.ts";
import { toMemberView, type MemberView } from "./member-view.ts";

export type GetMemberDeps = { members: MemberRepository; storage: ObjectStorage; permissionOverrides: PermissionOverrides };

/** One member of the actor's workspace; 404 for anyone else. */
export async function getMember(deps: GetMemberDeps, actor: Actor, input: { memberId: string }): Promise<MemberView> {
  await authorize(deps, actor, "can_view_member");
  return await toMemberView(deps, await requireMember(deps, workspaceOf(actor), input.memberId));
}
