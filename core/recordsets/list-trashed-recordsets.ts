import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { RecordsetPage } from "./list-recordsets.ts";
import { requireWorkspaceAdmin } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";

/** Trashed recordsets, most recently trashed first. Workspace admins and owners only. */
export async function listTrashedRecordsets(
  deps: RecordsetDeps,
  actor: Actor,
  input: { page: number; pageSize: number; search?: string | undefined },
): Promise<RecordsetPage> {
  requireWorkspaceAdmin(actor);
  const { items, total } = await deps.recordsets.list(workspaceOf(actor), { ...input, trashed: true, visible: "all" });
  return { items, total, page: input.page, pageSize: input.pageSize };
}
