import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteRecord } from "../../../core/records/delete-record.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { RecordIdParams } from "./schemas.ts";

export const deleteRecordRoute = defineRoute({
  method: "delete",
  path: "/api/v1/records/{record_id}",
  operationId: "deleteRecord",
  tags: ["Records"],
  summary: "Soft delete a record",
  description:
    "Sets the status to `deleted` and keeps the row and its history. Needs `can_delete` on the recordset, or `can_delete_own` on a record you created (403).",
  auth: "user",
  request: { params: RecordIdParams },
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteRecordRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    await deleteRecord(c.get("services"), c.get("actor"), { recordId: record_id });
    return c.body(null, 204);
  });
}
