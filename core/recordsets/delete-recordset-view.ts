import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import { VIEW_WRITE_FLAG } from "./recordset-view-config.ts";

/** Deletes a saved view of the recordset (404 when it has no such view). Requires `can_edit`. */
export async function deleteRecordsetView(deps: RecordsetDeps, actor: Actor, input: { slug: string; viewId: string }): Promise<void> {
  const { recordset } = await recordsetFor(deps, actor, { slug: input.slug }, VIEW_WRITE_FLAG);
  const deleted = await deps.recordsets.deleteView(workspaceOf(actor), recordset.id, input.viewId);
  if (!deleted) throw new NotFound("view", input.viewId);
}
