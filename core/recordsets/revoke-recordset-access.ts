import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";

export type RevokeRecordsetAccessInput = { slug: string; who: { memberId: string } | { teamId: string } };

/**
 * Removes the grant of a member or a team on the recordset (404 when there is none).
 * Requires `can_admin` on it. The member keeps what their teams grant, and the creator
 * and workspace admins keep full access: those do not come from this grant.
 */
export async function revokeRecordsetAccess(deps: RecordsetDeps, actor: Actor, input: RevokeRecordsetAccessInput): Promise<void> {
  const { recordset } = await recordsetFor(deps, actor, { slug: input.slug }, "can_admin");
  const [kind, id] = "memberId" in input.who ? (["member", input.who.memberId] as const) : (["team", input.who.teamId] as const);
  const revoked = await deps.recordsets.revokeGrant(workspaceOf(actor), recordset.id, input.who, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      { type: "recordset.access_revoked", entity: { type: "recordset", id: recordset.id, name: recordset.name }, metadata: { [`${kind}_id`]: id } },
      { transaction },
    );
  });
  if (!revoked) throw new NotFound(`access grant of ${kind}`, id);
}
