import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { registerCountApiKeys } from "./api-keys/count-api-keys.ts";
import { registerGetRoot, serviceVersion } from "./system/get-root.ts";
import { registerHealthCheck } from "./system/health-check.ts";
import { registerSelectWorkspace } from "./system/select-workspace.ts";
import { registerPutUploadedFile, registerServeUploadedFile } from "./uploads/serve-uploaded-file.ts";

/** Every API section's routes. Each section folder adds its `register*` calls here. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerGetRoot(app);
  registerHealthCheck(app, serviceVersion);
  registerSelectWorkspace(app);
  registerServeUploadedFile(app);
  registerPutUploadedFile(app);

  // API Keys
  registerCountApiKeys(app);
}
