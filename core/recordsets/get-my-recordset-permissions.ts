import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { permissionsOn, requireRecordsetBySlug } from "./recordset-access.ts";
import type { RecordsetAccessDeps } from "./recordset-access.ts";
import type { AccessFlags, RecordsetRecord } from "./recordset-repository.ts";

/**
 * The actor's effective flags on the recordset (all false without access). Needs no flag:
 * any workspace member may ask, so a client can decide what to show. 404 only when no
 * recordset has the slug.
 */
export async function getMyRecordsetPermissions(deps: RecordsetAccessDeps, actor: Actor, input: { slug: string }): Promise<{ recordset: RecordsetRecord; flags: AccessFlags }> {
  const recordset = await requireRecordsetBySlug(deps, workspaceOf(actor), input.slug);
  return { recordset, flags: await permissionsOn(deps, actor, recordset) };
}
