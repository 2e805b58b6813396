import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app/context.ts";
import { defineRoute, jsonContent } from "../../app/http/define-route.ts";
import { registerRoutes } from "../../app/routes/register-routes.ts";

const ActorEcho = z.object({ actor: z.record(z.string(), z.unknown()) });

/** The real routes plus one probe per auth kind, echoing the actor the middleware set. */
export function registerWithProbes(app: OpenAPIHono<AppEnv>): void {
  registerRoutes(app);
  for (const auth of ["user", "user-global", "api-key"] as const) {
    const route = defineRoute({
      method: "get",
      path: `/__probe/${auth}`,
      operationId: `probe_${auth}`,
      tags: ["Probe"],
      summary: "probe",
      auth,
      responses: { 200: jsonContent(ActorEcho, "actor") },
    });
    app.openapi(route, (c) => c.json({ actor: c.get("actor") as unknown as Record<string, unknown> }, 200));
  }
  const validated = defineRoute({
    method: "post",
    path: "/__probe/validate/{id}",
    operationId: "probe_validate",
    tags: ["Probe"],
    summary: "probe",
    auth: "none",
    request: {
      params: z.object({ id: z.uuid() }),
      query: z.object({ page: z.coerce.number().int().min(1).optional() }),
      body: { content: { "application/json": { schema: z.object({ name: z.string().min(1), size: z.number().int() }) } } },
    },
    responses: { 200: jsonContent(z.object({ ok: z.boolean() }), "ok") },
  });
  app.openapi(validated, (c) => c.json({ ok: true }, 200));
  app.get("/__probe/crash", () => {
    throw new Error("secret internal detail");
  });
}
