import type { OpenAPIHono } from "@hono/zod-openapi";
import { bulkDeleteRecords } from "../../../core/records/bulk-delete-records.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { BulkDeleteRecordsSchema, BulkDeleteResultSchema } from "./schemas.ts";

export const bulkDeleteRecordsRoute = defineRoute({
  method: "post",
  path: "/api/v1/records/bulk-delete",
  operationId: "bulkDeleteRecords",
  tags: ["Records"],
  summary: "Bulk delete records by ID or all records in a recordset",
  description:
    "Soft-deletes in one transaction. With `record_ids` (at most 1000), each record needs `can_delete` on its recordset or `can_delete_own` when you created it; " +
    "those you may not delete, or that do not exist, are listed in `skipped` with a reason and the rest are deleted. " +
    "With `all: true` and `recordset_id`, every record of the recordset is deleted; that needs `can_delete` on it (403).",
  auth: "user",
  request: { body: { required: true, content: { "application/json": { schema: BulkDeleteRecordsSchema } } } },
  responses: { 200: jsonContent(BulkDeleteResultSchema, "What was deleted and what was skipped") },
});

export function registerBulkDeleteRecords(app: OpenAPIHono<AppEnv>): void {
  app.openapi(bulkDeleteRecordsRoute, async (c) => {
    const body = c.req.valid("json");
    const input = body.all === true ? { all: true as const, recordsetId: body.recordset_id } : { recordIds: body.record_ids };
    return c.json(await bulkDeleteRecords(c.get("services"), c.get("actor"), input), 200);
  });
}
