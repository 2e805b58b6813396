import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { seedPermissions } from "../../../core/permissions/seed-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const SeedResultSchema = z
  .object({
    created: z.number().int().openapi({ example: 390, description: "Grants stored by this call (0 when already complete)" }),
    total: z.number().int().openapi({ example: 390, description: "Grants the workspace now stores: every editable role x every permission" }),
  })
  .openapi("SeedPermissionsResult");

export const seedPermissionsRoute = defineRoute({
  method: "post",
  path: "/api/v1/permissions/seed",
  operationId: "seedPermissions",
  tags: ["Permissions"],
  summary: "Seed default permissions for the workspace",
  description:
    "Stores the catalog default for every editable role and permission not stored yet, keeping customisations. Idempotent. Requires `can_edit_permission`.",
  auth: "user",
  responses: { 201: jsonContent(SeedResultSchema, "What was stored") },
});

export function registerSeedPermissions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(seedPermissionsRoute, async (c) => {
    return c.json(await seedPermissions(c.get("services"), c.get("actor")), 201);
  });
}
