import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import { visibleRecordsetIds } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetRecord } from "./recordset-repository.ts";
import { ensureSourceRecordsets, type RecordsetSourceDeps } from "./recordset-sources.ts";

export type ListRecordsetsInput = {
  page: number;
  pageSize: number;
  search?: string | undefined;
  type?: string | undefined;
  isActive?: boolean | undefined;
};

export type RecordsetPage = { items: RecordsetRecord[]; total: number; page: number; pageSize: number };

/**
 * The recordsets the actor can see (not trashed), by name: every one for workspace admins and
 * owners; for others those they created and those granted to them directly or through a
 * team. Recordset sources (connected integrations) first create what they are missing.
 */
export async function listRecordsets(deps: RecordsetDeps & RecordsetSourceDeps, actor: Actor, input: ListRecordsetsInput): Promise<RecordsetPage> {
  await ensureSourceRecordsets(deps, actor);
  const visible = await visibleRecordsetIds(deps, actor);
  const { items, total } = await deps.recordsets.list(workspaceOf(actor), { ...input, visible });
  return { items, total, page: input.page, pageSize: input.pageSize };
}
