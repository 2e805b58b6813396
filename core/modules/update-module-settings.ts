import type { Actor } from "../auth/actor.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ModuleSettingsDeps } from "./list-module-settings.ts";
import { parseModuleSettings } from "./module-catalog.ts";
import { knownModule, moduleSettingsView, type ModuleSettings } from "./module-settings.ts";

export type UpdateModuleSettingsInput = { module: string; enabled?: boolean; settings?: unknown };

/**
 * Replaces a module's settings (when given) and switch (when given); a module
 * never configured starts from its defaults. 404 for an unknown module.
 * Requires `can_edit_module_settings`.
 */
export async function updateModuleSettings(
  deps: ModuleSettingsDeps,
  actor: Actor,
  input: UpdateModuleSettingsInput,
): Promise<ModuleSettings> {
  await authorize(deps, actor, "can_edit_module_settings");
  const module = knownModule(input.module);
  const settings = input.settings === undefined ? undefined : parseModuleSettings(module, input.settings);
  const schemaName = actor.workspace!.schemaName;
  const current = moduleSettingsView(module, await deps.moduleSettings.get(schemaName, module.name));
  const stored = await deps.moduleSettings.upsert(schemaName, {
    module: module.name,
    enabled: input.enabled ?? current.enabled,
    settings: settings ?? current.settings,
    by: actor.userId,
    at: deps.now(),
  });
  return moduleSettingsView(module, stored);
}
