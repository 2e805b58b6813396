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
  root.use(
    bodyLimit({
      maxSize: services.config.BODY_LIMIT_BYTES,
      onError: () => {
        throw new PayloadTooLarge(`the request body exceeds ${services.config.BODY_LIMIT_BYTES} bytes`);
      },
    }),
  );
  root.use(rateLimitPerClient());

  const api = createRouter(register);
  const document = buildOpenApiDocument(api);
  root.get("/openapi.json", (c) => c.json(document));
  root.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "FOS API reference" }));
  root.route("/", api);
  return root;
}
