import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { syncRecordsetCounts } from "../../../core/recordsets/sync-recordset-counts.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";

const SyncCountsSchema = z
  .object({
    recordsets: z.number().int().openapi({ description: "Recordsets in the workspace, trashed ones included", example: 12 }),
    changed: z.number().int().openapi({ description: "Recordsets whose count was wrong and was fixed", example: 1 }),
  })
  .openapi("RecordsetCountSync");

export const crudSyncRecordsetCountsRoute = defineRoute({
  method: "post",
  path: "/api/v1/crud/recordsets/sync-counts",
  operationId: "crudSyncRecordsetCounts",
  tags: ["CRUD - Recordsets"],
  summary: "Recompute record counts for all recordsets",
  description:
    "Admin utility: recomputes every recordset's `record_count` from its (not deleted) records in one bulk UPDATE over an aggregate, without loading records into memory. Workspace admins and owners only.",
  auth: "user",
  responses: { 200: jsonContent(SyncCountsSchema, "What was synced") },
});

export function registerCrudSyncRecordsetCounts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudSyncRecordsetCountsRoute, async (c) => {
    return c.json(await syncRecordsetCounts(c.get("services"), c.get("actor")), 200);
  });
}
