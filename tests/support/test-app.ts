import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { createTenantSchema } from "../../adapters/postgres/migrator.ts";
import type { DatabaseHandle } from "../../adapters/postgres/open-database.ts";
import { loadConfig } from "../../app/config/load-config.ts";
import { openServices } from "../../app/composition/open-services.ts";
import type { Services } from "../../app/composition/services.ts";
import type { AppEnv } from "../../app/context.ts";
import { createApp } from "../../app/create-app.ts";
import { registerRoutes } from "../../app/routes/register-routes.ts";
import type { Actor, Role } from "../../core/auth/actor.ts";
import { generateSecretToken, hashSecretToken } from "../../core/auth/secret-token.ts";
import { startSession, type TokenPair } from "../../core/auth/sessions.ts";
import { newId } from "../../core/ids.ts";
import { closeTestDatabase, openTestDatabase } from "./test-database.ts";

export type TestUser = { id: string; email: string; tokens: TokenPair; accessToken: string };
export type TestWorkspace = { id: string; schemaName: string; owner: TestUser };

export type TestApp = {
  app: OpenAPIHono<AppEnv>;
  services: Services;
  database: DatabaseHandle;
  /** `app.request` with JSON helpers. */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  createUser(options?: { isStaff?: boolean; isActive?: boolean }): Promise<TestUser>;
  /** A workspace with a migrated tenant schema, owned by a new user (or `owner`). */
  createWorkspace(options?: { owner?: TestUser }): Promise<TestWorkspace>;
  /**
   * Ids of the workspaces `createWorkspace` made, kept up to date. Test workers claim only
   * these workspaces' jobs: test processes share one database, and a worker of another
   * process must not run (or fail) this process's jobs.
   */
  readonly workspaceIds: readonly string[];
  addMember(workspace: TestWorkspace, role: Role, user?: TestUser): Promise<TestUser>;
  createApiKey(
    workspace: TestWorkspace,
    options?: { isActive?: boolean; revoked?: boolean; expiresAt?: Date },
  ): Promise<{ id: string; key: string }>;
  /** Headers for a user acting in a workspace (`auth: user`). */
  as(user: TestUser, workspace?: TestWorkspace): Record<string, string>;
  close(): Promise<void>;
};

/**
 * The whole app over a fresh test database (PGlite copy, or DATABASE_URL) and the
 * twins (REDIS_URL when set), for `app.request()` tests. Seeds users, workspaces,
 * members and API keys directly and mints real tokens.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; register?: (app: OpenAPIHono<AppEnv>) => void } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "fos-app-"));
  const database = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    JWT_SECRET: "test-secret-".padEnd(48, "x"),
    RATE_LIMIT_PER_MINUTE: "0",
    PUBLIC_URL: "http://localhost",
    // A prefix of its own: rate limits and caches never leak between apps or runs.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `test:${newId()}:` } : {}),
    ...options.env,
  });
  const services = await openServices(config, { database, logger: createJsonLogger("silent") });
  const app = createApp(services, options.register ?? registerRoutes);
  const db = database.db;

  const sessionDeps = {
    refreshTokens: services.refreshTokens,
    now: services.now,
    jwtSecret: services.secrets.jwt,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
  };

  const createUser: TestApp["createUser"] = async (opts = {}) => {
    const id = newId();
    const email = `user-${id}@example.test`;
    await db
      .insertInto("users")
      .values({ id, email, full_name: "Test User", is_staff: opts.isStaff ?? false, is_active: opts.isActive ?? true })
      .execute();
    const tokens = await startSession(sessionDeps, id);
    return { id, email, tokens, accessToken: tokens.access_token };
  };

  const addMember: TestApp["addMember"] = async (workspace, role, user) => {
    const member = user ?? (await createUser());
    await db.insertInto("workspace_members").values({ workspace_id: workspace.id, user_id: member.id, role }).execute();
    return member;
  };

  const workspaceIds: string[] = [];
  const createWorkspace: TestApp["createWorkspace"] = async (opts = {}) => {
    const owner = opts.owner ?? (await createUser());
    const id = newId();
    const schemaName = await createTenantSchema(db, id);
    await db
      .insertInto("workspaces")
      .values({ id, name: `Workspace ${id.slice(-6)}`, slug: `ws-${id}`, schema_name: schemaName, owner_id: owner.id })
      .execute();
    const workspace = { id, schemaName, owner };
    await addMember(workspace, "owner", owner);
    workspaceIds.push(id);
    return workspace;
  };

  const createApiKey: TestApp["createApiKey"] = async (workspace, opts = {}) => {
    const key = generateSecretToken("fos_live_");
    const id = newId();
    await db
      .insertInto("api_keys")
      .values({
        id,
        workspace_id: workspace.id,
        name: "test key",
        prefix: key.slice(0, 12),
        key_hash: hashSecretToken(key),
        is_active: opts.isActive ?? true,
        revoked_at: opts.revoked ? new Date() : null,
        expires_at: opts.expiresAt ?? null,
        created_by: workspace.owner.id,
      })
      .execute();
    return { id, key };
  };

  return {
    app,
    services,
    database,
    request: (path, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set("content-type", "application/json");
      return Promise.resolve(
        app.request(path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) }),
      );
    },
    createUser,
    createWorkspace,
    workspaceIds,
    addMember,
    createApiKey,
    as: (user, workspace) => ({
      authorization: `Bearer ${user.accessToken}`,
      ...(workspace ? { "x-workspace-id": workspace.id } : {}),
    }),
    close: async () => {
      await services.close();
      await closeTestDatabase(database);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<TestApp> | undefined;

/**
 * One test app per vitest worker, shared by every route test file the worker runs
 * (route tests run with `isolate: false`, see vitest.config.ts), so a file costs
 * no database start. Tests must create their own users and workspaces and leave
 * shared services as they found them. The worker's exit removes its data.
 */
export function sharedTestApp(): Promise<TestApp> {
  shared ??= createTestApp().then((app) => {
    process.once("beforeExit", () => void app.close());
    return app;
  });
  return shared;
}

/** `user` (the owner by default) acting in `ws` as a use-case actor, for seeding and calling core directly. */
export function actorOf(ws: TestWorkspace, user: TestUser = ws.owner, role: Role = "owner"): Actor {
  return { kind: "user", userId: user.id, sessionId: "test", isStaff: false, isSuperuser: false, workspace: { id: ws.id, schemaName: ws.schemaName, role } };
}
