import type { EventDeps } from "../events/record-event.ts";
import type { PermissionOverrides } from "../permissions/authorize.ts";
import type { RecordsetRepository } from "../recordsets/recordset-repository.ts";
import type { RecordRepository } from "./record-repository.ts";

/** What record use-cases need. */
export type RecordDeps = EventDeps & { records: RecordRepository; recordsets: RecordsetRepository; permissionOverrides: PermissionOverrides };
