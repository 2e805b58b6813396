import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";
import type { HealthProbe } from "../../composition/services.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const CheckSchema = z.object({
  status: z.enum(["ok", "down"]),
  adapter: z.string().optional().openapi({ example: "pglite" }),
  latency_ms: z.number().openapi({ example: 1.2 }),
  error: z.string().optional(),
});

const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    time: z.string().openapi({ format: "date-time" }),
    checks: z.record(z.string(), CheckSchema).openapi({ example: { database: { status: "ok", latency_ms: 1.2 } } }),
  })
  .openapi("HealthStatus");

export const healthCheckRoute = defineRoute({
  method: "get",
  path: "/health",
  operationId: "healthCheck",
  tags: ["Untagged"],
  summary: "Service health check",
  description:
    "Checks the database, cache, object storage and mail transport. 200 when every check passes, 503 with the same body when one is down (for load balancers and container health checks).",
  auth: "none",
  responses: {
    200: jsonContent(HealthSchema, "Every dependency answers"),
    503: jsonContent(HealthSchema, "At least one dependency is down"),
  },
});

const PROBE_TIMEOUT_MS = 3000;

async function runProbe(probe: HealthProbe): Promise<z.infer<typeof CheckSchema>> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      probe.check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { status: "ok", latency_ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return {
      status: "down",
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthCheck(app: OpenAPIHono<AppEnv>, version: string): void {
  app.openapi(healthCheckRoute, async (c) => {
    const { probes, adapters, now } = c.get("services");
    const results = await Promise.all(probes.map(async (p) => [p.name, await runProbe(p)] as const));
    const checks = Object.fromEntries(
      results.map(([name, result]) => [name, adapters[name] ? { ...result, adapter: adapters[name] } : result]),
    );
    const healthy = results.every(([, r]) => r.status === "ok");
    if (!healthy) c.get("logger").warn("health check failed", { checks });
    const body = { status: healthy ? ("ok" as const) : ("degraded" as const), version, time: now().toISOString(), checks };
    return healthy ? c.json(body, 200) : c.json(body, 503);
  });
}
