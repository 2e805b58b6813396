import type { Actor } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import { moduleCatalog } from "../modules/module-catalog.ts";
import type { ModuleSettingsRepository } from "../modules/module-settings-repository.ts";
import type { TenantSchemaState, WorkspaceCounts, WorkspaceHealthReader } from "./workspace-health-reader.ts";

export type GetWorkspaceHealthDeps = {
  workspaceHealth: WorkspaceHealthReader;
  moduleSettings: ModuleSettingsRepository;
  now(): Date;
};

/** What Workspace Health reports. */
export type WorkspaceHealth = {
  workspaceId: string;
  migrationRequired: boolean;
  schema: TenantSchemaState;
  /** Module name -> enabled; null while the schema is behind (its tables may not exist yet). */
  modules: Record<string, boolean> | null;
  counts: WorkspaceCounts;
};

/**
 * The workspace's health flags. Works while the tenant schema is behind (the
 * route skips the 503 guard): module flags are only read once it is current.
 * Any member may read it.
 */
export async function getWorkspaceHealth(deps: GetWorkspaceHealthDeps, actor: Actor): Promise<WorkspaceHealth> {
  const workspace = actor.workspace;
  if (!workspace) throw new Forbidden("a workspace is required");
  const schema = await deps.workspaceHealth.schemaState(workspace.schemaName);
  let modules: Record<string, boolean> | null = null;
  if (!schema.behind) {
    const stored = new Map((await deps.moduleSettings.list(workspace.schemaName)).map((s) => [s.module, s.enabled]));
    modules = Object.fromEntries(moduleCatalog.map((m) => [m.name, stored.get(m.name) ?? m.enabledByDefault]));
  }
  const counts = await deps.workspaceHealth.counts(workspace.id, deps.now());
  return { workspaceId: workspace.id, migrationRequired: schema.behind, schema, modules, counts };
}
