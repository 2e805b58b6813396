import { join } from "node:path";
import { openCacheServices } from "../../adapters/cache/open-cache-services.ts";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { openMailer } from "../../adapters/mail/open-mailer.ts";
import { PostgresApiKeyRepository } from "../../adapters/postgres/api-keys/postgres-api-key-repository.ts";
import { LocalPlansBilling } from "../../adapters/billing/local-plans.ts";
import { PostgresPaymentInvites } from "../../adapters/postgres/billing/postgres-payment-invites.ts";
import { PostgresAuditLog } from "../../adapters/postgres/signup/postgres-audit-log.ts";
import { PostgresEventRecorder } from "../../adapters/postgres/events/postgres-event-recorder.ts";
import { recordTaskItemSource } from "../../adapters/postgres/tracking/record-task-item-source.ts";
import { PostgresRecordRepository } from "../../adapters/postgres/records/postgres-record-repository.ts";
import { PostgresRecordAttachmentRepository } from "../../adapters/postgres/records/postgres-record-attachment-repository.ts";
import { PostgresRecordsetPipelineRepository } from "../../adapters/postgres/records/postgres-recordset-pipeline-repository.ts";
import { PostgresRecordsetRepository } from "../../adapters/postgres/records/postgres-recordset-repository.ts";
import { PostgresActivityRepository } from "../../adapters/postgres/activity/postgres-activity-repository.ts";
import { EventSubscribers } from "../../core/events/event-subscribers.ts";
import { ReplayLog } from "../../core/notifications/replay-log.ts";
import { SharedSubscriptions } from "../../core/notifications/shared-subscriptions.ts";
import { PostgresNotificationEmailStore } from "../../adapters/postgres/notifications/postgres-notification-email-store.ts";
import { PostgresNotificationFanout } from "../../adapters/postgres/notifications/postgres-notification-fanout.ts";
import { PostgresNotificationRepository } from "../../adapters/postgres/notifications/postgres-notification-repository.ts";
import { PostgresSignupUsers } from "../../adapters/postgres/signup/postgres-signup-users.ts";
import { PostgresWorkspaceProvisioning } from "../../adapters/postgres/signup/postgres-workspace-provisioning.ts";
import { apiKeyItemSource } from "../../adapters/postgres/members/api-key-item-source.ts";
import { PostgresMemberItemTransactions } from "../../adapters/postgres/members/postgres-member-item-transactions.ts";
import { PostgresMemberRepository } from "../../adapters/postgres/members/postgres-member-repository.ts";
import { PostgresTeamRepository } from "../../adapters/postgres/teams/postgres-team-repository.ts";
import { teamLeadItemSource } from "../../adapters/postgres/teams/team-lead-item-source.ts";
import { MemberItemRegistry } from "../../core/members/member-item-sources.ts";
import { PostgresInvitationRepository } from "../../adapters/postgres/workspaces/postgres-invitation-repository.ts";
import { PostgresWorkspaceRepository } from "../../adapters/postgres/workspaces/postgres-workspace-repository.ts";
import { PostgresAccountRepository } from "../../adapters/postgres/accounts/postgres-account-repository.ts";
import { PostgresPermissionOverrides } from "../../adapters/postgres/permissions/postgres-permission-overrides.ts";
import { PostgresRolePermissionStore } from "../../adapters/postgres/permissions/postgres-role-permission-store.ts";
import { PostgresModuleSettingsRepository } from "../../adapters/postgres/modules/postgres-module-settings-repository.ts";
import { PostgresWorkspaceHealthReader } from "../../adapters/postgres/workspace-health/postgres-workspace-health-reader.ts";
import { Argon2PasswordHasher } from "../../adapters/crypto/argon2-password-hasher.ts";
import { PostgresOneTimeTokenStore } from "../../adapters/postgres/accounts/postgres-one-time-token-store.ts";
import { PostgresAuthDirectory } from "../../adapters/postgres/identity/postgres-auth-directory.ts";
import { PostgresRefreshTokenStore } from "../../adapters/postgres/identity/postgres-refresh-token-store.ts";
import { PostgresJobQueue } from "../../adapters/postgres/jobs/postgres-job-queue.ts";
import { migratePlatform } from "../../adapters/postgres/migrator.ts";
import { openDatabase, type DatabaseHandle } from "../../adapters/postgres/open-database.ts";
import { openObjectStorage } from "../../adapters/storage/open-object-storage.ts";
import { PostgresRecordBulkWriter } from "../../adapters/postgres/imports/postgres-record-bulk-writer.ts";
import { StreamingTabularFileReader } from "../../adapters/files/streaming-tabular-file-reader.ts";
import { openGeocoder } from "../../adapters/geocoding/open-geocoder.ts";
import { openLlm } from "../../adapters/llm/open-llm.ts";
import { PostgresLlmUsageRecorder } from "../../adapters/postgres/llm/postgres-llm-usage-recorder.ts";
import { meteredLlm } from "../../core/llm/metered-llm.ts";
import type { Logger } from "../../core/ports/logger.ts";
import type { Config } from "../config/config-schema.ts";
import { PostgresTrackingRepository } from "../../adapters/postgres/tracking/postgres-tracking-repository.ts";
import { resolveSecrets } from "./secrets.ts";
import type { Services } from "./services.ts";
import { createTenantSchemaGate } from "./tenant-schema-gate.ts";

export type OpenServicesOptions = {
  logger?: Logger;
  /** Use this database instead of opening one from config (tests). */
  database?: DatabaseHandle;
  /** Migrate the platform schema before returning; default true. */
  migrate?: boolean;
};

/**
 * The composition root: picks each port's adapter from config (the embedded
 * twin when a service variable is unset), migrates the platform schema, and
 * returns the services with one `close()` that releases everything in reverse.
 */
export async function openServices(config: Config, options: OpenServicesOptions = {}): Promise<Services> {
  const logger = options.logger ?? createJsonLogger(config.LOG_LEVEL);
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse()) {
      await close().catch((error: unknown) => logger.error("error while closing", { error }));
    }
  };
  try {
    const secrets = await resolveSecrets(config);
    const database =
      options.database ??
      (await openDatabase({
        url: config.DATABASE_URL,
        dataDir: config.DATA_DIR,
        poolMax: config.DATABASE_POOL_MAX,
        logger,
      }));
    if (!options.database) closers.push(() => database.close());
    if (options.migrate ?? true) await migratePlatform(database.db);

    const cacheServices = await openCacheServices({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, logger });
    closers.push(() => cacheServices.close());

    const storage = await openObjectStorage({
      s3: {
        bucket: config.S3_BUCKET,
        region: config.S3_REGION,
        endpoint: config.S3_ENDPOINT,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
      },
      local: { root: join(config.DATA_DIR, "uploads"), publicUrl: config.PUBLIC_URL, signingSecret: secrets.urlSigning },
      logger,
    });
    closers.push(() => storage.close());

    const mail = openMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, db: database.db, logger });
    closers.push(() => mail.mailer.close());

    const jobs = new PostgresJobQueue({ db: database.db, pubSub: cacheServices.pubSub, logger });
    // Sections that react to domain events subscribe on this registry (services.eventSubscribers).
    const eventSubscribers = new EventSubscribers();
    const events = new PostgresEventRecorder({ database, subscribers: eventSubscribers, pubSub: cacheServices.pubSub, logger });
    // Publications waiting for their transaction's commit finish before the database closes
    // (a poll racing the pool's end could otherwise hang the shutdown).
    closers.push(() => events.settled());
    // Notifications: rows written in the event's transaction, delivered after commit.
    const replayLog = new ReplayLog(cacheServices.cache);
    const notificationDelivery = {
      pubSub: cacheServices.pubSub,
      replayLog,
      mailer: mail.mailer,
      emailStore: new PostgresNotificationEmailStore(database, logger),
      publicUrl: config.PUBLIC_URL,
      now: () => new Date(),
      logger,
    };
    const notificationFanout = new PostgresNotificationFanout(database, notificationDelivery);
    eventSubscribers.subscribe("notifications", notificationFanout.subscriber, { runMany: notificationFanout.subscriberMany });
    closers.push(() => notificationFanout.settled());

    // Billing: Stripe when a key is configured, else local plans granted without payment.
    // The Stripe SDK is loaded only when configured (~7 MB of resident memory).
    const billing = config.STRIPE_SECRET_KEY
      ? new (await import("../../adapters/stripe/stripe-billing.ts")).StripeBilling({ secretKey: config.STRIPE_SECRET_KEY, publicUrl: config.PUBLIC_URL })
      : new LocalPlansBilling(database.db);

    // LLM: the provider config selects (offline without keys); usage recorded per workspace.
    const llm = await openLlm({
      provider: config.LLM_PROVIDER,
      anthropicApiKey: config.ANTHROPIC_API_KEY,
      openaiApiKey: config.OPENAI_API_KEY,
      openaiBaseUrl: config.OPENAI_BASE_URL,
      model: config.LLM_MODEL,
    });
    const llmUsage = new PostgresLlmUsageRecorder(database);

    const services: Services = {
      config,
      logger,
      now: () => new Date(),
      secrets,
      database,
      authDirectory: new PostgresAuthDirectory(database.db),
      refreshTokens: new PostgresRefreshTokenStore(database.db),
      oneTimeTokens: new PostgresOneTimeTokenStore(database.db),
      passwordHasher: new Argon2PasswordHasher(),
      tenantSchemas: createTenantSchemaGate(database.db),
      storage: storage.storage,
      cache: cacheServices.cache,
      locks: cacheServices.locks,
      pubSub: cacheServices.pubSub,
      rateLimiter: cacheServices.rateLimiter,
      mailer: mail.mailer,
      jobs,
      probes: [
        { name: "database", check: () => database.ping() },
        { name: "cache", check: () => cacheServices.ping() },
        { name: "storage", check: () => storage.storage.ping() },
      ],
      permissionOverrides: new PostgresPermissionOverrides(database),
      apiKeys: new PostgresApiKeyRepository(database.db),
      members: new PostgresMemberRepository(database),
      // Each section that gives members items registers its source here (records, tasks, goals...).
      memberItems: new MemberItemRegistry(new PostgresMemberItemTransactions(database))
        .register(teamLeadItemSource)
        .register(apiKeyItemSource)
        .register(recordTaskItemSource),
      teams: new PostgresTeamRepository(database),
      workspaces: new PostgresWorkspaceRepository(database.db),
      workspaceInvitations: new PostgresInvitationRepository(database.db),
      rolePermissions: new PostgresRolePermissionStore(database),
      moduleSettings: new PostgresModuleSettingsRepository(database),
      workspaceHealth: new PostgresWorkspaceHealthReader(database.db),
      accounts: new PostgresAccountRepository(database.db),
      billing,
      workspaceProvisioning: new PostgresWorkspaceProvisioning(database),
      signupUsers: new PostgresSignupUsers(database.db),
      paymentInvites: new PostgresPaymentInvites(database.db),
      auditLog: new PostgresAuditLog(database.db),
      events,
      eventSubscribers,
      activity: new PostgresActivityRepository(database),
      notifications: new PostgresNotificationRepository(database),
      liveSubscriptions: new SharedSubscriptions(cacheServices.pubSub),
      replayLog,
      notificationDelivery,
      notificationFanout,
      recordsets: new PostgresRecordsetRepository(database),
      records: new PostgresRecordRepository(database),
      recordAttachments: new PostgresRecordAttachmentRepository(database),
      recordsetPipelines: new PostgresRecordsetPipelineRepository(database),
      recordsetSources: [],
      importWriter: new PostgresRecordBulkWriter(database),
      tabularFiles: new StreamingTabularFileReader(),
      geocoder: openGeocoder({
        provider: config.GEOCODING_PROVIDER,
        googleApiKey: config.GOOGLE_MAPS_API_KEY,
        rateLimitPerSecond: config.GEOCODING_RATE_LIMIT_PER_SECOND,
      }),
      adapters: { database: database.kind, cache: cacheServices.kind, storage: storage.kind, mail: mail.kind },
      llm: meteredLlm(llm.llm, llmUsage),
      llmUsage,
      tracking: new PostgresTrackingRepository(database),
      close: closeAll,
    };
    services.adapters.billing = billing.kind;
    services.adapters.geocoder = services.geocoder.kind;
    services.adapters.llm = llm.kind;
    logger.info("services ready", services.adapters);
    return services;
  } catch (error) {
    await closeAll();
    throw error;
  }
}
