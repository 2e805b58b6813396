// `npm start`: serves the app on Node with @hono/node-server.
import { serve } from "@hono/node-server";
import { startService } from "./start-service.ts";

const { config, app, services, stop } = await startService();
const logger = services.logger;

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  logger.info("listening", { url: `http://${info.address}:${info.port}`, adapters: services.adapters });
});

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info("shutting down: no new connections, draining requests", { signal });
  // Long-lived streams (SSE, NDJSON) would hold close() open: cut them after the timeout.
  const force = setTimeout(() => {
    logger.warn("drain timeout reached: closing remaining connections");
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  }, config.SHUTDOWN_TIMEOUT_MS);
  force.unref();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  });
  clearTimeout(force);
  await stop();
  logger.info("stopped");
  process.exit(0);
}

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
