import type { Actor } from "../auth/actor.ts";
import { Conflict, Invalid } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ModuleSettingsDeps } from "./list-module-settings.ts";
import { findModule, parseModuleSettings } from "./module-catalog.ts";
import { moduleSettingsView, type ModuleSettings } from "./module-settings.ts";

export type CreateModuleSettingsInput = { module: string; enabled?: boolean; settings?: unknown };

/**
 * Stores a module's first configuration; 409 when it already has one (update it
 * instead), 422 for an unknown module or invalid settings. Requires `can_edit_module_settings`.
 */
export async function createModuleSettings(
  deps: ModuleSettingsDeps,
  actor: Actor,
  input: CreateModuleSettingsInput,
): Promise<ModuleSettings> {
  await authorize(deps, actor, "can_edit_module_settings");
  const module = findModule(input.module);
  if (!module) throw new Invalid(`unknown module ${input.module}`, [{ field: "module", message: "is not a known module" }]);
  const settings = parseModuleSettings(module, input.settings ?? {});
  const stored = await deps.moduleSettings.insert(actor.workspace!.schemaName, {
    module: module.name,
    enabled: input.enabled ?? module.enabledByDefault,
    settings,
    by: actor.userId,
    at: deps.now(),
  });
  if (!stored) throw new Conflict(`module ${module.name} is already configured; update it instead`, { module: module.name });
  return moduleSettingsView(module, stored);
}
