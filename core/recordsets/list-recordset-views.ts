import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetView } from "./recordset-repository.ts";

/** The recordset's saved views, oldest first. Requires `can_view` on it. */
export async function listRecordsetViews(deps: RecordsetDeps, actor: Actor, input: { slug: string }): Promise<RecordsetView[]> {
  const { recordset } = await recordsetFor(deps, actor, { slug: input.slug }, "can_view");
  return await deps.recordsets.listViews(workspaceOf(actor), recordset.id);
}
