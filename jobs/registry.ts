import type { Kysely } from "kysely";
import type { PlatformDatabase } from "../adapters/postgres/platform-schema.ts";
import type { JobHandler } from "../core/jobs/job-handler.ts";
import { TENANTS_MIGRATE, tenantsMigrateHandler } from "./handlers/tenants-migrate.ts";
import { authSignupInviteHandler, SIGNUP_INVITE_JOB, type AuthSignupInviteServices } from "./handlers/auth-signup-invite.ts";
import { ACTIVITY_EXPORT_JOB, activityExportHandler, type ActivityExportServices } from "./handlers/activity-export.ts";
import { NOTIFICATIONS_DIGEST_JOB, notificationsDigestHandler, type NotificationsDigestServices } from "./handlers/notifications-digest.ts";
import { RECORDSETS_GIS_BACKFILL_JOB, recordsetsGisBackfillHandler, type RecordsetsGisBackfillServices } from "./handlers/recordsets-gis-backfill.ts";
import { RECORDSETS_PURGE_TRASH_JOB, recordsetsPurgeTrashHandler, type RecordsetsPurgeTrashServices } from "./handlers/recordsets-purge-trash.ts";
import { IMPORT_JOB, recordsetsImportHandler, type RecordsetsImportServices } from "./handlers/recordsets-import.ts";
import { EXPORT_JOB, recordsetsExportHandler, type RecordsetsExportServices } from "./handlers/recordsets-export.ts";
import { GEOCODE_JOB, recordsetsGeocodeHandler, type RecordsetsGeocodeServices } from "./handlers/recordsets-geocode.ts";

const TYPE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/i;

/**
 * Job handlers by type. A plain Map (the worker reads it as one) whose `register`
 * refuses duplicates, so two features cannot silently claim the same type.
 *
 * @example
 * const registry = new JobRegistry().register("records.import", importRecordsHandler(deps));
 * startWorker({ queue, handlers: registry, ... });
 */
export class JobRegistry extends Map<string, JobHandler> {
  /** Adds the handler for `type`; throws when the type is taken or malformed. */
  register(type: string, handler: JobHandler): this {
    if (!TYPE_PATTERN.test(type)) throw new Error(`invalid job type "${type}": use a dotted name such as "records.import"`);
    if (this.has(type)) throw new Error(`a handler for job type "${type}" is already registered`);
    return this.set(type, handler);
  }
}

/** What the built-in handlers need; grows as features add job types. */
export type JobHandlerDeps = {
  db: Kysely<PlatformDatabase>;
  /** The app's services, for handlers that need more than the database (the API process passes them). */
  signup?: AuthSignupInviteServices;
  /** Activity Feed exports: the activity reads, storage and the event recorder. */
  activity?: ActivityExportServices;
  /** Notifications: digest emails (delivery deps from the app's services). */
  notifications?: NotificationsDigestServices;
  /** Recordsets: the GIS backfill of map mode (the database handle, for tenant transactions). */
  recordsets?: RecordsetsGisBackfillServices;
  /** Recordsets: the daily purge of recordsets trashed more than 30 days ago (repositories, events, schema gate). */
  recordsetTrash?: RecordsetsPurgeTrashServices;
  /** Recordset Import: file imports into recordsets (storage, file reader, bulk writer, notifications). */
  imports?: RecordsetsImportServices;
  /** Recordset Import: exports of a recordset to CSV, XLSX or GeoJSON in storage. */
  exports?: RecordsetsExportServices;
  /** Recordset Import: geocoding of records without coordinates (database, geocoder). */
  geocoding?: RecordsetsGeocodeServices;
};

/**
 * The registry with every job type this codebase handles. To add one: write
 * `jobs/handlers/<area>-<action>.ts` exporting a handler factory, and register it
 * here (or call `register` on the returned registry where the deps live).
 */
export function createJobRegistry(deps: JobHandlerDeps): JobRegistry {
  const registry = new JobRegistry().register(TENANTS_MIGRATE, tenantsMigrateHandler({ db: deps.db }));
  if (deps.signup) registry.register(SIGNUP_INVITE_JOB, authSignupInviteHandler(deps.signup));
  if (deps.activity) registry.register(ACTIVITY_EXPORT_JOB, activityExportHandler(deps.activity));
  if (deps.notifications) registry.register(NOTIFICATIONS_DIGEST_JOB, notificationsDigestHandler(deps.notifications));
  if (deps.recordsets) registry.register(RECORDSETS_GIS_BACKFILL_JOB, recordsetsGisBackfillHandler(deps.recordsets));
  if (deps.recordsetTrash) registry.register(RECORDSETS_PURGE_TRASH_JOB, recordsetsPurgeTrashHandler({ db: deps.db }, deps.recordsetTrash));
  if (deps.imports) registry.register(IMPORT_JOB, recordsetsImportHandler(deps.imports));
  if (deps.exports) registry.register(EXPORT_JOB, recordsetsExportHandler(deps.exports));
  if (deps.geocoding) registry.register(GEOCODE_JOB, recordsetsGeocodeHandler(deps.geocoding));
  return registry;
}
