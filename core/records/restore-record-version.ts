import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import type { RecordRecord } from "./record-repository.ts";
import { updateRecord } from "./update-record.ts";

/**
 * Brings back the values of an earlier version as a new version (`restored`): history is
 * never rewritten. Needs `can_edit` (or `can_edit_own` on one's own record). A deleted
 * version's status is not restored: the record stays as it is apart from values and tags.
 * Values of fields since removed from the schema are dropped.
 */
export async function restoreRecordVersion(deps: RecordDeps, actor: Actor, input: { recordId: string; versionId: string }): Promise<RecordRecord> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "edit");
  const version = await deps.records.findVersion(workspaceOf(actor), record.id, input.versionId);
  if (!version) throw new NotFound("history entry", input.versionId);
  return await updateRecord(
    deps,
    actor,
    {
      recordId: record.id,
      // Fields removed from the schema since that version cannot come back.
      fieldValues: Object.fromEntries(Object.entries(version.fieldValues).filter(([key]) => recordset.fields.some((f) => f.key === key))),
      tags: version.tags,
      ...(version.status !== "deleted" ? { status: version.status } : {}),
      mode: "replace",
      expectedVersion: record.version,
    },
    "restored",
    version.version,
  );
}
