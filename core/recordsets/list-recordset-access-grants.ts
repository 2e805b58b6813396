import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { AccessGrant } from "./recordset-repository.ts";

/** Every member and team grant on the recordset, oldest first. Requires `can_admin` on it. */
export async function listRecordsetAccessGrants(deps: RecordsetDeps, actor: Actor, input: { slug: string }): Promise<AccessGrant[]> {
  const { recordset } = await recordsetFor(deps, actor, { slug: input.slug }, "can_admin");
  return await deps.recordsets.listGrants(workspaceOf(actor), recordset.id);
}
