import type { Config } from "../config/config-schema.ts";
import type { BillingProvider } from "../../core/ports/billing.ts";
import type { PaymentInviteRepository } from "../../core/billing/payment-invite-repository.ts";
import type { AuditLog } from "../../core/impersonation/audit-log.ts";
import type { EventRecorder } from "../../core/events/domain-event.ts";
import type { EventSubscribers } from "../../core/events/event-subscribers.ts";
import type { NotificationDeliveryDeps } from "../../core/notifications/deliver-notifications.ts";
import type { NotificationRepository } from "../../core/notifications/notification-repository.ts";
import type { ReplayLog } from "../../core/notifications/replay-log.ts";
import type { SharedSubscriptions } from "../../core/notifications/shared-subscriptions.ts";
import type { ActivityRepository } from "../../core/activity/activity-repository.ts";
import type { SignupUserStore } from "../../core/signup/signup-user-store.ts";
import type { WorkspaceProvisioningStore } from "../../core/workspaces/provisioning/workspace-provisioning-store.ts";
import type { InvitationRepository } from "../../core/workspaces/invitation-repository.ts";
import type { WorkspaceRepository } from "../../core/workspaces/workspace-repository.ts";
import type { ApiKeyRepository } from "../../core/api-keys/api-key-repository.ts";
import type { MemberItemRegistry } from "../../core/members/member-item-sources.ts";
import type { MemberRepository } from "../../core/members/member-repository.ts";
import type { TeamRepository } from "../../core/teams/team-repository.ts";
import type { AccountRepository } from "../../core/accounts/account-repository.ts";
import type { PermissionOverrides } from "../../core/permissions/authorize.ts";
import type { RolePermissionStore } from "../../core/permissions/role-permission-store.ts";
import type { ModuleSettingsRepository } from "../../core/modules/module-settings-repository.ts";
import type { WorkspaceHealthReader } from "../../core/workspace-health/workspace-health-reader.ts";
import type { OneTimeTokenStore } from "../../core/ports/one-time-token-store.ts";
import type { PasswordHasher } from "../../core/ports/password-hasher.ts";
import type { AuthDirectory } from "../../core/ports/auth-directory.ts";
import type { Cache } from "../../core/ports/cache.ts";
import type { JobQueue } from "../../core/ports/job-queue.ts";
import type { Locks } from "../../core/ports/locks.ts";
import type { Logger } from "../../core/ports/logger.ts";
import type { Mailer } from "../../core/ports/mailer.ts";
import type { ObjectStorage } from "../../core/ports/object-storage.ts";
import type { Geocoder } from "../../core/ports/geocoder.ts";
import type { TabularFileReader } from "../../core/ports/tabular-file-reader.ts";
import type { PubSub } from "../../core/ports/pub-sub.ts";
import type { RateLimiter } from "../../core/ports/rate-limiter.ts";
import type { RefreshTokenStore } from "../../core/ports/refresh-token-store.ts";
import type { LlmUsageRecorder } from "../../core/llm/llm-usage-recorder.ts";
import type { MeteredLlm } from "../../core/llm/metered-llm.ts";
import type { RecordsetRepository } from "../../core/recordsets/recordset-repository.ts";
import type { RecordBulkWriter } from "../../core/imports/record-bulk-writer.ts";
import type { RecordsetSource } from "../../core/recordsets/recordset-sources.ts";
import type { RecordRepository } from "../../core/records/record-repository.ts";
import type { TrackingRepository } from "../../core/tracking/tracking-repository.ts";
import type { RecordAttachmentRepository } from "../../core/records/record-attachment-repository.ts";
import type { RecordsetPipelineRepository } from "../../core/recordsets/recordset-pipeline-repository.ts";
import type { DatabaseHandle } from "../../adapters/postgres/open-database.ts";

/** A dependency `/health` checks; `check` rejects when it is down. */
export type HealthProbe = { name: string; check(): Promise<void> };

/** Knows whether a tenant schema has every migration applied. */
export type TenantSchemaGate = { isCurrent(schemaName: string): Promise<boolean> };

/**
 * Everything the app and the workers use, built once by the composition root
 * (`open-services.ts`) from config. Routes reach ports only through this.
 */
export type Services = {
  config: Config;
  logger: Logger;
  now(): Date;
  secrets: { jwt: string; urlSigning: string };
  database: DatabaseHandle;
  authDirectory: AuthDirectory;
  refreshTokens: RefreshTokenStore;
  oneTimeTokens: OneTimeTokenStore;
  passwordHasher: PasswordHasher;
  tenantSchemas: TenantSchemaGate;
  storage: ObjectStorage;
  cache: Cache;
  locks: Locks;
  pubSub: PubSub;
  rateLimiter: RateLimiter;
  mailer: Mailer;
  jobs: JobQueue;
  probes: HealthProbe[];

  // Section repositories: one line per port, grouped by API section.
  permissionOverrides: PermissionOverrides;
  apiKeys: ApiKeyRepository;
  rolePermissions: RolePermissionStore;
  moduleSettings: ModuleSettingsRepository;
  workspaceHealth: WorkspaceHealthReader;
  /** Authentication: user accounts (core/accounts/). */
  accounts: AccountRepository;
  /** Workspaces: workspaces, memberships, settings (core/workspaces/). */
  workspaces: WorkspaceRepository;
  /** Workspaces: invitations and invite links. */
  workspaceInvitations: InvitationRepository;
  /** Members: memberships joined with tenant member records (core/members/). */
  members: MemberRepository;
  /** Members: what members own or are assigned, contributed by each section (offboarding). */
  memberItems: MemberItemRegistry;
  /** Teams (core/teams/). */
  teams: TeamRepository;
  /** Authentication (signup): billing provider (Stripe, or local plans without STRIPE_SECRET_KEY). */
  billing: BillingProvider;
  /** Authentication (signup): storage steps of workspace provisioning (core/workspaces/provision-workspace.ts). */
  workspaceProvisioning: WorkspaceProvisioningStore;
  /** Authentication (signup): account creation and lookup by email / Clerk id. */
  signupUsers: SignupUserStore;
  /** Authentication (signup): Stripe payment invites. */
  paymentInvites: PaymentInviteRepository;
  /** Audit trail of staff actions (impersonation). */
  auditLog: AuditLog;
  /** Activity Feed: records domain events (activity row + subscribers in the caller's transaction, then pub/sub). */
  events: EventRecorder;
  /** Activity Feed: who reacts to domain events (Notifications, later webhooks) subscribe here. */
  eventSubscribers: EventSubscribers;
  /** Activity Feed: reads of the activity table and export jobs (core/activity/). */
  activity: ActivityRepository;
  /** Notifications: inbox, preferences and settings per user (core/notifications/). */
  notifications: NotificationRepository;
  /** Notifications: one pub/sub subscription per channel per process, fanned out to SSE clients. */
  liveSubscriptions: SharedSubscriptions;
  /** Notifications: the 5-minute replay buffer of live events (`Last-Event-ID`). */
  replayLog: ReplayLog;
  /** Notifications: delivery after commit (live push, instant mail) and digests. */
  notificationDelivery: NotificationDeliveryDeps;
  /** Notifications: the event subscriber; `settled()` waits for deliveries pending a commit. */
  notificationFanout: { settled(): Promise<void> };
  /** AI: the LLM (Anthropic, OpenAI/compatible or offline); every call records its usage (core/llm/metered-llm.ts). */
  llm: MeteredLlm;
  /** AI: per-workspace LLM usage ledger and totals (billing, analytics). */
  llmUsage: LlmUsageRecorder;
  /** Recordsets: schemas, grants, views, trash (core/recordsets/). */
  recordsets: RecordsetRepository;
  /** Records: values, versions, comments, relationships, map and spatial queries (core/records/). */
  records: RecordRepository;
  /** CRUD - Record Attachments: attachment rows; the files live in `storage`. */
  recordAttachments: RecordAttachmentRepository;
  /** Recordsets: the pipeline attached to a recordset (core/recordsets/recordset-pipeline-repository.ts). */
  recordsetPipelines: RecordsetPipelineRepository;
  /** Recordsets: sources (connected integrations) that create their missing recordsets before a list; empty until integrations exist. */
  recordsetSources: RecordsetSource[];
  /** Recordset Import: writes imported records in bulk with a checkpoint per batch (COPY on Postgres). */
  importWriter: RecordBulkWriter;
  /** Recordset Import: reads uploaded CSV/XLSX/JSON/GeoJSON files as row batches (adapters/files/). */
  tabularFiles: TabularFileReader;
  /** Recordset Import: geocoding jobs (Google Geocoding, or the offline city gazetteer). */
  geocoder: Geocoder;
  /** Record Tracking: insights, interactions and tasks of records, dashboard aggregates (core/tracking/). */
  tracking: TrackingRepository;
  /** Which adapter serves each port, for logs and `/health`. */
  adapters: Record<string, string>;
  close(): Promise<void>;
};
