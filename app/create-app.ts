import { storableInput } from "./middleware/storable-input.ts";
import { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { PayloadTooLarge } from "../core/errors.ts";
import type { Services } from "./composition/services.ts";
import type { AppEnv } from "./context.ts";
import { validationProblem, problemResponse } from "./http/problem.ts";
import { errorHandler, notFoundHandler } from "./middleware/error-handler.ts";
import { rateLimitPerClient } from "./middleware/rate-limit.ts";
import { requestContext } from "./middleware/request-context.ts";
import { buildOpenApiDocument } from "./openapi/document.ts";
import { registerRoutes } from "./routes/register-routes.ts";
import { IMPORT_UPLOAD_PATH } from "./routes/imports/upload-import-file.ts";

/** A bare app with every route registered: enough to build the OpenAPI document. */
export function createRouter(register: (app: OpenAPIHono<AppEnv>) => void = registerRoutes): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // zod failures of any request part become one 422 listing every bad field.
    defaultHook: (result, c) => {
      if (!result.success) {
        const body = validationProblem(result.target, result.error.issues);
        return problemResponse({ ...body, instance: c.req.path, request_id: c.get("requestId") });
      }
    },
  });
  register(app);
  return app;
}

/**
 * The whole HTTP app: request id, logging, CORS, body limit, rate limit,
 * problem+json errors, every route, `/openapi.json` and the `/docs` reference.
 * Runtime-neutral: Node and Deno entry points serve `app.fetch`. `register`
 * defaults to every API section (tests add probe routes around it).
 */
export function createApp(
  services: Services,
  register: (app: OpenAPIHono<AppEnv>) => void = registerRoutes,
): OpenAPIHono<AppEnv> {
  const root = new OpenAPIHono<AppEnv>();
  root.onError(errorHandler);
  root.notFound(notFoundHandler);
  root.use(requestId());
  root.use(requestContext(services));
  const origins = services.config.CORS_ORIGINS.split(",").map((o) => o.trim());
  root.use(
    cors({
      origin: origins.includes("*") ? "*" : origins,
      allowHeaders: ["Authorization", "Content-Type", "X-Workspace-Id", "X-API-Key", "X-Request-Id", "Last-Event-ID"],
      exposeHeaders: ["X-Request-Id", "Retry-After", "Location"],
      maxAge: 600,
    }),
  );
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new PayloadTooLarge(`the request body exceeds ${maxSize} bytes`);
      },
    });
  const limitBody = limitTo(services.config.BODY_LIMIT_BYTES);
  // Record attachments have their own limit (RECORD_ATTACHMENT_MAX_BYTES), larger or smaller
  // than the general one; the route checks the file itself too.
  const limitAttachment = limitTo(services.config.RECORD_ATTACHMENT_MAX_BYTES + 64 * 1024);
  const ATTACHMENT_UPLOAD = /^\/api\/v1\/crud\/records\/[^/]+\/attachments$/;
  root.use((c, next) => {
    if (c.req.method !== "POST") return limitBody(c, next);
    // Import uploads stream to storage under their own, larger limit (IMPORT_MAX_BYTES).
    if (c.req.path === IMPORT_UPLOAD_PATH) return next();
    if (ATTACHMENT_UPLOAD.test(c.req.path)) return limitAttachment(c, next);
    return limitBody(c, next);
  });
  root.use(rateLimitPerClient());
  root.use(storableInput());

  const api = createRouter(register);
  const document = buildOpenApiDocument(api);
  root.get("/openapi.json", (c) => c.json(document));
  root.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "FOS API reference" }));
  root.route("/", api);
  return root;
}
