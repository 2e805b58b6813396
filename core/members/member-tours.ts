import type { Actor } from "../auth/actor.ts";
import type { Cache } from "../ports/cache.ts";
import { ensureMember } from "./ensure-member.ts";
import { workspaceOf } from "./member-access.ts";
import type { MemberRepository, TourState } from "./member-repository.ts";
import { myMemberRecord } from "./get-my-member.ts";

/** Tour id -> state, for the caller in the current workspace. */
export type TourStatus = { tours: Record<string, TourState> };
export type MemberToursDeps = { members: MemberRepository; cache: Cache; now(): Date };

/** The caller's onboarding tours. */
export async function getMyTourStatus(deps: { members: MemberRepository }, actor: Actor): Promise<TourStatus> {
  return { tours: (await myMemberRecord(deps, actor)).tours };
}

/** Records that the caller completed or skipped a tour. */
export async function updateMyTourStatus(
  deps: MemberToursDeps,
  actor: Actor,
  input: { tourId: string; status: TourState["status"] },
): Promise<TourStatus> {
  const me = await myMemberRecord(deps, actor);
  const ws = workspaceOf(actor);
  await ensureMember(deps, ws, me.userId);
  const state = { status: input.status, updated_at: deps.now().toISOString() };
  return { tours: await deps.members.updateTours(ws, me.userId, { set: { tourId: input.tourId, state } }) };
}

/** Forgets one tour's state (`tourId`) or all of them. */
export async function resetMyTours(deps: MemberToursDeps, actor: Actor, input: { tourId?: string }): Promise<TourStatus> {
  const me = await myMemberRecord(deps, actor);
  const ws = workspaceOf(actor);
  await ensureMember(deps, ws, me.userId);
  return { tours: await deps.members.updateTours(ws, me.userId, { reset: input.tourId ?? null }) };
}
