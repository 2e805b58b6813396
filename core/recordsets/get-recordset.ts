import type { Actor } from "../auth/actor.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetRecord } from "./recordset-repository.ts";

/** A recordset, by id or slug: 404 when it does not exist (or is trashed), 403 without `can_view`. */
export async function getRecordset(deps: RecordsetDeps, actor: Actor, ref: { id: string } | { slug: string }): Promise<RecordsetRecord> {
  return (await recordsetFor(deps, actor, ref, "can_view")).recordset;
}
