import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import { apiKeyAuth } from "../middleware/auth/api-key.ts";
import { bearerUser } from "../middleware/auth/bearer-user.ts";
import { signedUrl } from "../middleware/auth/signed-url.ts";
import { workspaceMember } from "../middleware/auth/workspace-member.ts";
import { ProblemSchema } from "./problem.ts";

/** The contract's auth kinds (spec/README.md). */
export type AuthKind =
  | "user"
  | "user-global"
  | "api-key"
  | "token"
  | "signed-url"
  | "provider-callback"
  | "shared-secret"
  | "none";

/** Names of the security schemes registered on the OpenAPI document. */
export const securitySchemes = {
  bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Access token from login (15 minutes)." },
  workspaceId: {
    type: "apiKey",
    in: "header",
    name: "X-Workspace-Id",
    description: "The workspace to act in; the caller must be a member.",
  },
  apiKey: { type: "apiKey", in: "header", name: "X-API-Key", description: "A workspace API key (`fos_live_...`)." },
  signedUrl: {
    type: "apiKey",
    in: "query",
    name: "sig",
    description: "HMAC signature of a signed URL; sent with `exp` (unix seconds).",
  },
} as const;

const securityByAuth: Record<AuthKind, RouteConfig["security"]> = {
  user: [{ bearerAuth: [], workspaceId: [] }],
  "user-global": [{ bearerAuth: [] }],
  "api-key": [{ apiKey: [] }],
  "signed-url": [{ signedUrl: [] }],
  token: [],
  "provider-callback": [],
  "shared-secret": [],
  none: [],
};

function middlewareFor(auth: AuthKind, allowPendingMigrations: boolean): MiddlewareHandler<AppEnv>[] {
  switch (auth) {
    case "user":
      return [bearerUser(), workspaceMember({ allowPendingMigrations })];
    case "user-global":
      return [bearerUser()];
    case "api-key":
      return [apiKeyAuth()];
    case "signed-url":
      return [signedUrl()];
    default:
      // token / provider-callback / shared-secret: the handler checks its own credential.
      return [];
  }
}

const errorDescriptions: Record<number, string> = {
  400: "The request is malformed.",
  401: "Credentials are missing, invalid or expired.",
  402: "The workspace's plan does not allow this.",
  403: "The caller may not do this.",
  404: "Not found (also for another workspace's ids).",
  409: "Conflicts with the current state.",
  413: "The payload is too large.",
  415: "The media type is not accepted.",
  422: "The input is invalid; `errors` lists each field.",
  429: "Too many requests; see Retry-After.",
  503: "Unavailable: a dependency is down or the workspace is being migrated.",
};

/** Problem+json responses for the given statuses, for a route's `responses`. */
export function errorResponses(statuses: number[]): RouteConfig["responses"] {
  return Object.fromEntries(
    [...new Set(statuses)]
      .sort()
      .map((status) => [
        status,
        {
          description: errorDescriptions[status] ?? "Error.",
          content: { "application/problem+json": { schema: ProblemSchema } },
        },
      ]),
  );
}

function defaultErrors(auth: AuthKind, hasInput: boolean): number[] {
  // Every route sits behind the per-client rate limit (app/middleware/rate-limit.ts).
  const statuses: number[] = hasInput ? [422, 429] : [429];
  if (auth !== "none") statuses.push(401);
  if (auth === "user") statuses.push(403, 404, 503);
  if (auth === "api-key") statuses.push(403, 503);
  if (auth === "signed-url") statuses.push(403);
  return statuses;
}

type DefineRouteInput<R extends RouteConfig> = R & {
  /** The contract's auth kind: decides the security requirement and auth middleware. */
  auth: AuthKind;
  /** Error statuses beyond those implied by auth and input (e.g. 404, 409). */
  errors?: number[];
  /**
   * `auth: "user"` only: skip the 503 guard while the workspace's tenant schema is
   * behind (membership is still checked). For the few routes that must work during
   * an upgrade, such as Workspace Health; such a route must not read tenant tables
   * that a pending migration may not have created yet.
   */
  allowPendingMigrations?: boolean;
};

/**
 * `createRoute` with our conventions applied once: the security requirement and
 * auth middleware for the contract's auth kind, and problem+json error responses
 * (401/403/404/422/503 as implied, plus `errors`).
 *
 * @example
 * export const getThingRoute = defineRoute({
 *   method: "get", path: "/api/v1/things/{id}", operationId: "getThing", tags: ["Things"],
 *   summary: "Get a thing", auth: "user", errors: [404],
 *   request: { params: z.object({ id: z.uuid() }) },
 *   responses: { 200: jsonContent(ThingSchema, "The thing") },
 * });
 */
export function defineRoute<R extends RouteConfig>(input: DefineRouteInput<R>): R {
  const { auth, errors = [], allowPendingMigrations = false, ...route } = input;
  const hasInput = Boolean(route.request && Object.keys(route.request).length > 0);
  const own = route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : [];
  return createRoute({
    ...route,
    security: securityByAuth[auth],
    middleware: [...middlewareFor(auth, allowPendingMigrations), ...own],
    responses: { ...route.responses, ...errorResponses([...defaultErrors(auth, hasInput), ...errors]) },
  } as unknown as R);
}

/** A JSON response entry for `responses`. */
export function jsonContent<S>(schema: S, description: string): { description: string; content: { "application/json": { schema: S } } } {
  return { description, content: { "application/json": { schema } } };
}
