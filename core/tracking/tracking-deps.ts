import type { MeteredLlm } from "../llm/metered-llm.ts";
import type { MemberRepository } from "../members/member-repository.ts";
import type { RecordDeps } from "../records/record-deps.ts";
import type { TrackingRepository } from "./tracking-repository.ts";

/** What record tracking use-cases need. */
export type TrackingDeps = RecordDeps & { tracking: TrackingRepository; members: Pick<MemberRepository, "membershipStatus">; now(): Date };

/** Tracking use-cases that ask the model. */
export type TrackingAiDeps = TrackingDeps & { llm: MeteredLlm };
