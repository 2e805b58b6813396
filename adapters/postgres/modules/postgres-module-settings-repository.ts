import type { InTransaction } from "../../../core/events/domain-event.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import { sql, type Selectable } from "kysely";
import type {
  ModuleSettingsRepository,
  ModuleSettingsWrite,
  StoredModuleSettings,
} from "../../../core/modules/module-settings-repository.ts";
import { jsonb } from "../jsonb.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type { ModuleSettingsTable } from "../tenant-schema.ts";

function toStored(row: Selectable<ModuleSettingsTable>): StoredModuleSettings {
  return {
    module: row.module,
    enabled: row.enabled,
    settings: row.settings,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(row: ModuleSettingsWrite) {
  return {
    module: row.module,
    enabled: row.enabled,
    settings: jsonb(row.settings),
    updated_by: row.by,
    created_at: row.at,
    updated_at: row.at,
  };
}

/** Module settings in the tenant's `module_settings` table. */
export class PostgresModuleSettingsRepository implements ModuleSettingsRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  async list(schemaName: string): Promise<StoredModuleSettings[]> {
    const rows = await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx.selectFrom("module_settings").selectAll().orderBy("module").execute(),
    );
    return rows.map(toStored);
  }

  async get(schemaName: string, module: string): Promise<StoredModuleSettings | null> {
    const row = await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx.selectFrom("module_settings").selectAll().where("module", "=", module).executeTakeFirst(),
    );
    return row ? toStored(row) : null;
  }

  async insert(schemaName: string, row: ModuleSettingsWrite): Promise<StoredModuleSettings | null> {
    const inserted = await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx
        .insertInto("module_settings")
        .values(toRow(row))
        .onConflict((oc) => oc.column("module").doNothing())
        .returningAll()
        .executeTakeFirst(),
    );
    return inserted ? toStored(inserted) : null;
  }

  async upsert(schemaName: string, row: ModuleSettingsWrite): Promise<StoredModuleSettings> {
    const stored = await tenantDatabase(this.handle, schemaName).transaction((trx) =>
      trx
        .insertInto("module_settings")
        .values(toRow(row))
        .onConflict((oc) =>
          oc.column("module").doUpdateSet({
            enabled: sql`excluded.enabled`,
            settings: sql`excluded.settings`,
            updated_by: sql`excluded.updated_by`,
            updated_at: sql`excluded.updated_at`,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return toStored(stored);
  }

  async toggle(schemaName: string, module: string, enabledByDefault: boolean, by: string | null, at: Date, within?: InTransaction<StoredModuleSettings>): Promise<StoredModuleSettings> {
    return await tenantDatabase(this.handle, schemaName).transaction(async (trx) => {
      const row = await trx
        .insertInto("module_settings")
        .values(toRow({ module, enabled: !enabledByDefault, settings: {}, by, at }))
        .onConflict((oc) =>
          oc.column("module").doUpdateSet({
            enabled: sql`not module_settings.enabled`,
            updated_by: sql`excluded.updated_by`,
            updated_at: sql`excluded.updated_at`,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      const stored = toStored(row);
      await within?.(asEventTransaction(trx), stored);
      return stored;
    });
  }
}
