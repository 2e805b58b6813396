import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetDeps } from "./recordset-deps.ts";
import type { RecordsetView } from "./recordset-repository.ts";
import { checkViewConfig, VIEW_WRITE_FLAG, type ViewConfig, type ViewType } from "./recordset-view-config.ts";

export type UpdateRecordsetViewInput = {
  slug: string;
  viewId: string;
  name?: string | undefined;
  type?: ViewType | undefined;
  /** Replaces the whole config. */
  config?: ViewConfig | undefined;
  isDefault?: boolean | undefined;
};

/**
 * Changes a saved view (only the given fields). The config is checked against the current
 * schema whenever it or the view type changes. Requires `can_edit` on the recordset; 404 when
 * the view is not one of this recordset's.
 */
export async function updateRecordsetView(deps: RecordsetDeps, actor: Actor, input: UpdateRecordsetViewInput): Promise<RecordsetView> {
  const { recordset } = await recordsetFor(deps, actor, { slug: input.slug }, VIEW_WRITE_FLAG);
  const ws = workspaceOf(actor);
  const view = await deps.recordsets.findView(ws, recordset.id, input.viewId);
  if (!view) throw new NotFound("view", input.viewId);
  const name = input.name?.trim();
  if (name === "") throw new Invalid("the name must not be blank", [{ field: "name", message: "must not be blank" }]);
  if (input.config !== undefined || input.type !== undefined) {
    checkViewConfig(recordset, input.type ?? view.type, input.config ?? (view.config as ViewConfig));
  }
  const updated = await deps.recordsets.updateView(ws, recordset.id, view.id, {
    ...(name !== undefined ? { name } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.config !== undefined ? { config: input.config as Record<string, unknown> } : {}),
    ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
  });
  if (!updated) throw new NotFound("view", input.viewId);
  return updated;
}
