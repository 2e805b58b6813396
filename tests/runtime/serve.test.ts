import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config/load-config.ts";
import { resolveSecrets } from "../../app/composition/secrets.ts";
import { signUrl } from "../../core/signing/url-signature.ts";
import { ensurePGliteTemplate } from "../support/test-database.ts";

const root = new URL("../../", import.meta.url).pathname;
const jwtSecret = "runtime-test-secret-".padEnd(48, "z");
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the server with embedded defaults (no service variables) on a free-ish port. */
async function boot(command: string[], port: number) {
  const dataDir = await mkdtemp(join(tmpdir(), "fos-serve-"));
  dirs.push(dataDir);
  // Reuse the migrated test template so boot skips PostGIS installation.
  await cp(join(await ensurePGliteTemplate(), "pglite"), join(dataDir, "pglite"), { recursive: true });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !["DATABASE_URL", "REDIS_URL"].includes(k)) env[k] = v;
  Object.assign(env, { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, JWT_SECRET: jwtSecret, LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_MS: "10000" });
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const status = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0);
    if (status === 200) return { child, exited, dataDir, log: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${output}`);
}

describe("runtimes", () => {
  it("Node: serves /health on embedded defaults and drains an in-flight request on SIGTERM", async () => {
    const port = await freePort();
    const server = await boot(["node", "--import", "tsx", "app/runtime/node.ts"], port);
    const { urlSigning } = await resolveSecrets(loadConfig({ JWT_SECRET: jwtSecret }));
    const path = "/api/v1/uploads/drain/test.txt";
    const exp = Math.floor(Date.now() / 1000) + 60;
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, method: "PUT", path: `${path}?exp=${exp}&sig=${signUrl(urlSigning, "PUT", path, exp)}`, headers: { "content-type": "text/plain" } },
        (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.write("first half, ");
      // The request is in flight when SIGTERM arrives; the rest of its body follows later.
      setTimeout(() => server.child.kill("SIGTERM"), 300);
      setTimeout(() => req.end("second half"), 900);
    });
    const done = await response;
    expect(done.status).toBe(201);
    expect(JSON.parse(done.body)).toMatchObject({ key: "drain/test.txt", size: 23 });
    expect(await server.exited).toBe(0);
    expect(server.log()).toContain('"msg":"stopped"');
  });

  it("Deno: the same app answers /health", async () => {
    const port = await freePort();
    const server = await boot(["node_modules/.bin/deno", "run", "-A", "app/runtime/deno.ts"], port);
    const body = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { status: string };
    expect(body.status).toBe("ok");
    expect(server.log()).toContain('"runtime":"deno"');
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
