// Serves the same app on Deno: `deno run -A app/runtime/deno.ts` (npm packages
// come from node_modules; run `npm ci` first).
import { startService } from "./start-service.ts";

type DenoServer = { finished: Promise<void>; shutdown(): Promise<void> };
type DenoNamespace = {
  serve(
    options: { port: number; hostname: string; onListen?: (addr: { hostname: string; port: number }) => void },
    handler: (request: Request, info: unknown) => Response | Promise<Response>,
  ): DenoServer;
  addSignalListener(signal: "SIGTERM" | "SIGINT", handler: () => void): void;
  exit(code: number): never;
};
const Deno = (globalThis as unknown as { Deno: DenoNamespace }).Deno;

const { config, app, services, stop } = await startService();
const logger = services.logger;

const server = Deno.serve(
  {
    port: config.PORT,
    hostname: config.HOST,
    onListen: ({ hostname, port }) => logger.info("listening", { url: `http://${hostname}:${port}`, runtime: "deno", adapters: services.adapters }),
  },
  // Deno passes its ServeHandlerInfo (remoteAddr) where Hono expects `env`.
  (request, info) => app.fetch(request, info as Record<string, unknown>),
);

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info("shutting down: no new connections, draining requests", { signal });
  const force = setTimeout(() => {
    logger.warn("drain timeout reached: exiting");
    Deno.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS + 5_000);
  await server.shutdown();
  await stop();
  clearTimeout(force);
  logger.info("stopped");
  Deno.exit(0);
}

Deno.addSignalListener("SIGTERM", () => void shutdown("SIGTERM"));
Deno.addSignalListener("SIGINT", () => void shutdown("SIGINT"));
