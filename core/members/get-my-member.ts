import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { requireMember, workspaceOf } from "./member-access.ts";
import type { MemberRecord, MemberRepository } from "./member-repository.ts";
import { toMemberView, type MyMemberView } from "./member-view.ts";

export type GetMyMemberDeps = { members: MemberRepository; storage: ObjectStorage };

/** The caller's own member record; every member may read it. */
export async function myMemberRecord(deps: { members: MemberRepository }, actor: Actor): Promise<MemberRecord> {
  if (!actor.userId) throw new NotFound("member");
  return await requireMember(deps, workspaceOf(actor), actor.userId);
}

/** The caller's profile in the current workspace, with role and onboarding tours. */
export async function getMyMember(deps: GetMyMemberDeps, actor: Actor): Promise<MyMemberView> {
  const record = await myMemberRecord(deps, actor);
  return { ...(await toMemberView(deps, record)), tours: record.tours };
}
