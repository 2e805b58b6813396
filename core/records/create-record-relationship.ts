import type { Actor } from "../auth/actor.ts";
import { DomainError, Invalid } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import { toRelationshipJson, type RecordRelationshipJson } from "./list-record-relationships.ts";

/** Relationship types are slug-like so clients can match on them: `parent_of`, `same-owner`. */
export const RELATIONSHIP_TYPE = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * Links a record to another. Linking changes the record, so it needs `can_edit` (or
 * `can_edit_own`) on it, and `can_view` on the related one. A related record that does
 * not exist or that the caller cannot see is a 422 on `related_record_id` (the 404 is for
 * the record in the path); the same link twice is a 409. `record.linked` commits with it.
 */
export async function createRecordRelationship(
  deps: RecordDeps,
  actor: Actor,
  input: { recordId: string; relatedRecordId: string; relationshipType: string },
): Promise<RecordRelationshipJson> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "edit");
  if (!RELATIONSHIP_TYPE.test(input.relationshipType)) {
    throw new Invalid("relationship_type is not valid", [{ field: "relationship_type", message: "1 to 63 lowercase letters, digits, - or _, starting with a letter or digit" }]);
  }
  if (input.relatedRecordId === record.id) throw new Invalid("a record cannot be linked to itself", [{ field: "related_record_id", message: "must differ from the record" }]);
  try {
    await recordFor(deps, actor, input.relatedRecordId, "view");
  } catch (error) {
    if (!(error instanceof DomainError) || (error.code !== "not_found" && error.code !== "forbidden")) throw error;
    // One answer for "missing" and "not yours to see": never leak which.
    throw new Invalid("the related record was not found", [{ field: "related_record_id", message: "no record with this id that you can view" }]);
  }
  const link = await deps.records.addRelationship(
    workspaceOf(actor),
    { id: newId(), recordId: record.id, relatedRecordId: input.relatedRecordId, relationshipType: input.relationshipType, createdBy: actor.userId },
    async (transaction) => {
      await recordEvent(
        deps,
        actor,
        {
          type: "record.linked",
          entity: { type: "record", id: record.id, name: record.title },
          metadata: { recordset_id: recordset.id, related_record_id: input.relatedRecordId, relationship_type: input.relationshipType },
        },
        { transaction },
      );
    },
  );
  return toRelationshipJson(link);
}
