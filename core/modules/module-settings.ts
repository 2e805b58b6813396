import { NotFound } from "../errors.ts";
import { findModule, type ModuleDefinition } from "./module-catalog.ts";
import type { StoredModuleSettings } from "./module-settings-repository.ts";

/** A module's settings as clients see them: stored values, or the defaults when never configured. */
export type ModuleSettings = {
  module: string;
  label: string;
  description: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  /** False while the module runs on its defaults (no stored row). */
  configured: boolean;
  updatedBy: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
};

/** The known module `name`, or NotFound (404) for a name outside the catalog. */
export function knownModule(name: string): ModuleDefinition {
  const module = findModule(name);
  if (!module) throw new NotFound("module", name);
  return module;
}

/** Combines a module's definition with its stored row, if any. */
export function moduleSettingsView(module: ModuleDefinition, stored: StoredModuleSettings | null | undefined): ModuleSettings {
  const base = { module: module.name, label: module.label, description: module.description };
  if (!stored) {
    return { ...base, enabled: module.enabledByDefault, settings: {}, configured: false, updatedBy: null, createdAt: null, updatedAt: null };
  }
  return {
    ...base,
    enabled: stored.enabled,
    settings: stored.settings,
    configured: true,
    updatedBy: stored.updatedBy,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}
