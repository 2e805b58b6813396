import type { Migration } from "../migration.ts";
import { migration as m0001 } from "./0001_settings.ts";
import { migration as m0002 } from "./0002_role_permissions.ts";
import { migration as m0003 } from "./0003_members_and_teams.ts";
import { migration as m0004 } from "./0004_module_settings.ts";
import { migration as m0005 } from "./0005_activity.ts";
import { migration as m0006 } from "./0006_notifications.ts";
import { migration as m0007 } from "./0007_records.ts";
import { migration as m0008 } from "./0008_llm_usage.ts";
import { migration as m0009 } from "./0009_record_tracking.ts";
import { migration as m0010 } from "./0010_import_checkpoints.ts";

/** Tenant schema migrations, in order. To add one: import it above and append it here. */
export const tenantMigrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
];
