import type { Actor } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ModuleSettingsDeps } from "./list-module-settings.ts";
import { knownModule, moduleSettingsView, type ModuleSettings } from "./module-settings.ts";

/** Flips a module on or off (atomically) and returns its settings. 404 for an unknown module. Requires `can_edit_module_settings`. */
export async function toggleModule(deps: ModuleSettingsDeps & EventDeps, actor: Actor, input: { module: string }): Promise<ModuleSettings> {
  await authorize(deps, actor, "can_edit_module_settings");
  const module = knownModule(input.module);
  const stored = await deps.moduleSettings.toggle(actor.workspace!.schemaName, module.name, module.enabledByDefault, actor.userId, deps.now(), async (transaction, toggled) => {
    await recordEvent(deps, actor, { type: "module.toggled", entity: { type: "module", id: module.name, name: module.label }, metadata: { enabled: toggled.enabled } }, { transaction });
  });
  return moduleSettingsView(module, stored);
}
