import type { Actor } from "../auth/actor.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import { moduleCatalog } from "./module-catalog.ts";
import type { ModuleSettingsRepository } from "./module-settings-repository.ts";
import { moduleSettingsView, type ModuleSettings } from "./module-settings.ts";

export type ModuleSettingsDeps = {
  moduleSettings: ModuleSettingsRepository;
  permissionOverrides: PermissionOverrides;
  now(): Date;
};

/** Every known module with its switch and settings (defaults where never configured). Requires `can_view_module_settings`. */
export async function listModuleSettings(
  deps: ModuleSettingsDeps,
  actor: Actor,
): Promise<{ items: ModuleSettings[]; total: number }> {
  await authorize(deps, actor, "can_view_module_settings");
  const stored = new Map((await deps.moduleSettings.list(actor.workspace!.schemaName)).map((s) => [s.module, s]));
  const items = moduleCatalog.map((m) => moduleSettingsView(m, stored.get(m.name)));
  return { items, total: items.length };
}
