import type { Actor } from "../auth/actor.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { workspaceOf } from "./member-access.ts";
import type { MemberRepository } from "./member-repository.ts";
import { toMemberView, type MemberView } from "./member-view.ts";

export type ListMembersDeps = { members: MemberRepository; storage: ObjectStorage; permissionOverrides: PermissionOverrides };
export type ListMembersInput = { search?: string; isActive?: boolean; skip: number; limit: number };
export type MemberPage = { items: MemberView[]; total: number; skip: number; limit: number };

/** A page of the workspace's members (active and inactive; removed ones never), by name. */
export async function listMembers(deps: ListMembersDeps, actor: Actor, input: ListMembersInput): Promise<MemberPage> {
  await authorize(deps, actor, "can_view_member");
  const page = await deps.members.list(workspaceOf(actor), input);
  const items = await Promise.all(page.items.map((record) => toMemberView(deps, record)));
  return { items, total: page.total, skip: input.skip, limit: input.limit };
}
