import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { MemberRepository } from "../members/member-repository.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import { userSummaries, type UserSummaryJson } from "./record-people.ts";
import type { RecordVersion } from "./record-repository.ts";

export type RecordVersionJson = {
  id: string;
  record_id: string;
  version: number;
  change_type: RecordVersion["changeType"];
  restored_from: number | null;
  field_values: Record<string, unknown>;
  status: RecordVersion["status"];
  tags: string[];
  changed_by: UserSummaryJson | null;
  created_at: string;
};

/** The record's versions, newest first, each with who made it. Needs `can_view`. */
export async function listRecordHistory(deps: RecordDeps & { members: MemberRepository }, actor: Actor, input: { recordId: string }): Promise<{ items: RecordVersionJson[]; total: number }> {
  const { record } = await recordFor(deps, actor, input.recordId, "view");
  const ws = workspaceOf(actor);
  const versions = await deps.records.history(ws, record.id);
  const who = await userSummaries(deps, ws, versions.map((v) => v.changedBy));
  const items = versions.map((v) => ({
    id: v.id,
    record_id: v.recordId,
    version: v.version,
    change_type: v.changeType,
    restored_from: v.restoredFrom,
    field_values: v.fieldValues,
    status: v.status,
    tags: v.tags,
    changed_by: who(v.changedBy),
    created_at: v.createdAt.toISOString(),
  }));
  return { items, total: items.length };
}
