import { Invalid } from "../errors.ts";
import type { InteractionPatch, InteractionType } from "./tracking-repository.ts";

export type InteractionInput = {
  interactionType?: InteractionType | undefined;
  summary?: string | undefined;
  notes?: string | null | undefined;
  occurredAt?: Date | undefined;
  durationMinutes?: number | null | undefined;
  outcome?: string | null | undefined;
};

/** How far ahead an interaction may be dated: logs are of what happened (clock skew allowed). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The patch of given fields, trimmed; refuses a blank summary and interactions dated in the future. */
export function interactionPatch(input: InteractionInput, now: Date): InteractionPatch {
  const patch: InteractionPatch = {};
  if (input.interactionType !== undefined) patch.interactionType = input.interactionType;
  if (input.summary !== undefined) {
    const summary = input.summary.trim();
    if (!summary) throw new Invalid("the summary must not be blank", [{ field: "summary", message: "must not be blank" }]);
    patch.summary = summary;
  }
  if (input.notes !== undefined) patch.notes = input.notes?.trim() || null;
  if (input.occurredAt !== undefined) {
    if (input.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new Invalid("an interaction cannot be dated in the future", [{ field: "occurred_at", message: "must not be in the future" }]);
    }
    patch.occurredAt = input.occurredAt;
  }
  if (input.durationMinutes !== undefined) patch.durationMinutes = input.durationMinutes;
  if (input.outcome !== undefined) patch.outcome = input.outcome?.trim() || null;
  return patch;
}
