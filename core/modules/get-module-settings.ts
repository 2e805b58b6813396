import type { Actor } from "../auth/actor.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ModuleSettingsDeps } from "./list-module-settings.ts";
import { knownModule, moduleSettingsView, type ModuleSettings } from "./module-settings.ts";

/** One module's switch and settings; 404 for an unknown module. Requires `can_view_module_settings`. */
export async function getModuleSettings(deps: ModuleSettingsDeps, actor: Actor, input: { module: string }): Promise<ModuleSettings> {
  await authorize(deps, actor, "can_view_module_settings");
  const module = knownModule(input.module);
  return moduleSettingsView(module, await deps.moduleSettings.get(actor.workspace!.schemaName, module.name));
}
