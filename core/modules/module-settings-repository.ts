import type { InTransaction } from "../events/domain-event.ts";
/** A module's stored switch and settings in one workspace. */
export type StoredModuleSettings = {
  module: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ModuleSettingsWrite = {
  module: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  by: string | null;
  at: Date;
};

/** Module settings in the tenant's `module_settings` table. */
export interface ModuleSettingsRepository {
  list(schemaName: string): Promise<StoredModuleSettings[]>;
  get(schemaName: string, module: string): Promise<StoredModuleSettings | null>;
  /** Stores a new row; null when the module already has one. */
  insert(schemaName: string, row: ModuleSettingsWrite): Promise<StoredModuleSettings | null>;
  /** Stores the row, replacing any existing one. */
  upsert(schemaName: string, row: ModuleSettingsWrite): Promise<StoredModuleSettings>;
  /** Flips `enabled` atomically; a module without a row starts from `enabledByDefault`. */
  toggle(schemaName: string, module: string, enabledByDefault: boolean, by: string | null, at: Date, within?: InTransaction<StoredModuleSettings>): Promise<StoredModuleSettings>;
}
