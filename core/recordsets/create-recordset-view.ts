import type { Actor } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetView } from "./recordset-repository.ts";
import { checkViewConfig, VIEW_WRITE_FLAG, type ViewConfig, type ViewType } from "./recordset-view-config.ts";

export type CreateRecordsetViewInput = { slug: string; name: string; type: ViewType; config: ViewConfig; isDefault: boolean };

/** Saves a view of the recordset; a default view takes the flag from the previous one. */
export async function createRecordsetView(deps: RecordsetDeps, actor: Actor, input: CreateRecordsetViewInput): Promise<RecordsetView> {
  const { recordset } = await recordsetFor(deps, actor, { slug: input.slug }, VIEW_WRITE_FLAG);
  const name = input.name.trim();
  if (!name) throw new Invalid("the name must not be blank", [{ field: "name", message: "must not be blank" }]);
  checkViewConfig(recordset, input.type, input.config);
  const view = await deps.recordsets.createView(workspaceOf(actor), {
    id: newId(),
    recordsetId: recordset.id,
    name,
    type: input.type,
    config: input.config as Record<string, unknown>,
    isDefault: input.isDefault,
    createdBy: actor.userId,
  }, async (transaction, created) => {
    await recordEvent(
      deps,
      actor,
      { type: "recordset.view_created", entity: { type: "recordset", id: recordset.id, name: recordset.name }, metadata: { view_id: created.id, view_name: created.name, view_type: created.type } },
      { transaction },
    );
  });
  return view;
}
