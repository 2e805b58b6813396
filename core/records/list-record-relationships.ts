import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import type { RecordRelationship } from "./record-repository.ts";

export type RecordRelationshipJson = {
  id: string;
  record_id: string;
  related_record_id: string;
  relationship_type: string;
  direction: RecordRelationship["direction"];
  related_title: string | null;
  related_recordset_id: string;
  created_by: string | null;
  created_at: string;
};

export function toRelationshipJson(r: RecordRelationship): RecordRelationshipJson {
  return {
    id: r.id,
    record_id: r.recordId,
    related_record_id: r.relatedRecordId,
    relationship_type: r.relationshipType,
    direction: r.direction,
    related_title: r.relatedTitle,
    related_recordset_id: r.relatedRecordsetId,
    created_by: r.createdBy,
    created_at: r.createdAt.toISOString(),
  };
}

/**
 * A record's links in both directions (`outgoing` from it, `incoming` to it), leaving out
 * deleted records at the other end. Needs `can_view`.
 */
export async function listRecordRelationships(deps: RecordDeps, actor: Actor, input: { recordId: string }): Promise<{ items: RecordRelationshipJson[]; total: number }> {
  const { record } = await recordFor(deps, actor, input.recordId, "view");
  const items = (await deps.records.listRelationships(workspaceOf(actor), record.id)).map(toRelationshipJson);
  return { items, total: items.length };
}
