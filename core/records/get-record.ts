import type { Actor } from "../auth/actor.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import type { RecordRecord } from "./record-repository.ts";

/** One record; 403 without `can_view` on its recordset. */
export async function getRecord(deps: RecordDeps, actor: Actor, input: { recordId: string }): Promise<RecordRecord> {
  return (await recordFor(deps, actor, input.recordId, "view")).record;
}
