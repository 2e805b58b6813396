// Serves the same app on Deno: `deno run -A app/runtime/deno.ts` (npm packages
// come from node_modules; run `npm ci` first).
import { onShutdownSignal, startService } from "./start-service.ts";

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

const running = await startService();
const { config, app, services } = running;

const server = Deno.serve(
  {
    port: config.PORT,
    hostname: config.HOST,
    onListen: ({ hostname, port }) =>
      services.logger.info("listening", { url: `http://${hostname}:${port}`, runtime: "deno", adapters: services.adapters }),
  },
  // Deno passes its ServeHandlerInfo (remoteAddr) where Hono expects `env`.
  (request, info) => app.fetch(request, info as Record<string, unknown>),
);

const shutdown = onShutdownSignal(running, {
  drain: () => server.shutdown(),
  // Deno.serve has no per-connection close: past the timeout, exit.
  force: () => Deno.exit(1),
  exit: (code) => Deno.exit(code),
});
Deno.addSignalListener("SIGTERM", () => void shutdown("SIGTERM"));
Deno.addSignalListener("SIGINT", () => void shutdown("SIGINT"));
