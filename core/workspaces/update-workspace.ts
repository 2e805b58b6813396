import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound } from "../errors.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { MemberWorkspace } from "./workspace-repository.ts";

export type UpdateWorkspaceInput = {
  workspaceId: string;
  name?: string;
  slug?: string;
  /** Merged into the current settings key by key; a key set to null is kept as null. */
  settings?: Record<string, unknown>;
};

/** Renames the workspace or changes its settings. Requires `can_edit_workspace` (admins and owners). */
export async function updateWorkspace(
  deps: Pick<WorkspaceDeps, "workspaces" | "permissionOverrides" | "now">,
  actor: Actor,
  input: UpdateWorkspaceInput,
): Promise<MemberWorkspace> {
  const { workspace } = await enterWorkspace(deps, actor, input.workspaceId, "can_edit_workspace");
  const name = input.name?.trim();
  if (name !== undefined && name.length === 0) throw new Invalid("the name is blank", [{ field: "name", message: "must not be blank" }]);
  const updated = await deps.workspaces.update(
    workspace.id,
    {
      ...(name !== undefined ? { name } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.settings !== undefined ? { settings: input.settings } : {}),
    },
    deps.now(),
  );
  if (!updated) throw new NotFound("workspace", workspace.id);
  return { ...updated, role: workspace.role, joinedAt: workspace.joinedAt };
}
