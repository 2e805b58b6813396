import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteRecord } from "../../../core/records/delete-record.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { RecordIdParams } from "../records/schemas.ts";

export const crudDeleteRecordRoute = defineRoute({
  method: "delete",
  path: "/api/v1/crud/records/{record_id}",
  operationId: "crudDeleteRecord",
  tags: ["CRUD - Records"],
  summary: "Soft delete a record (CRUD)",
  description:
    "Soft delete: status `deleted` (the record then reads `is_latest: false`); the row and its history are kept. Needs `can_delete` (or `can_delete_own` on your own record).",
  auth: "user",
  request: { params: RecordIdParams },
  responses: { 204: { description: "Deleted" } },
});

export function registerCrudDeleteRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudDeleteRecordRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    await deleteRecord(c.get("services"), c.get("actor"), { recordId: record_id });
    return c.body(null, 204);
  });
}
