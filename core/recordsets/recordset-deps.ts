import type { EventDeps } from "../events/record-event.ts";
import type { PermissionOverrides } from "../permissions/authorize.ts";
import type { RecordsetRepository } from "./recordset-repository.ts";

/** What recordset use-cases need. */
export type RecordsetDeps = EventDeps & { recordsets: RecordsetRepository; permissionOverrides: PermissionOverrides };
