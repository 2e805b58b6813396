// `npm start`: serves the app on Node with @hono/node-server.
import { serve } from "@hono/node-server";
import { tuneHeapGrowth } from "./heap-tuning.ts";
import { onShutdownSignal, startService } from "./start-service.ts";

type NodeServer = { close(cb: () => void): void; closeIdleConnections?(): void; closeAllConnections?(): void };

const running = await startService();
const { config, app, services } = running;
tuneHeapGrowth(config.NODE_HEAP_GROWING_PERCENT);

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  services.logger.info("listening", { url: `http://${info.address}:${info.port}`, adapters: services.adapters });
}) as unknown as NodeServer;

const shutdown = onShutdownSignal(running, {
  drain: () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections?.();
    }),
  force: () => server.closeAllConnections?.(),
  exit: (code) => process.exit(code),
});
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
