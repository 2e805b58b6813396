import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { requireWorkspaceAdmin } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";

/**
 * Repairs every recordset's `record_count` from the records themselves, in one bulk UPDATE
 * (no record is loaded into memory). Workspace admins and owners only.
 */
export async function syncRecordsetCounts(deps: RecordsetDeps, actor: Actor): Promise<{ recordsets: number; changed: number }> {
  requireWorkspaceAdmin(actor);
  return await deps.recordsets.syncCounts(workspaceOf(actor));
}
