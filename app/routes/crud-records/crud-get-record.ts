import type { OpenAPIHono } from "@hono/zod-openapi";
import { getRecord } from "../../../core/records/get-record.ts";
import { toRecordJson } from "../../../core/records/record-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams, RecordSchema } from "../records/schemas.ts";

export const crudGetRecordRoute = defineRoute({
  method: "get",
  path: "/api/v1/crud/records/{record_id}",
  operationId: "crudGetRecord",
  tags: ["CRUD - Records"],
  summary: "Get a record by ID (CRUD)",
  description: "The record; 404 when it is not in this workspace (or deleted), 403 without `can_view` on its recordset.",
  auth: "user",
  request: { params: RecordIdParams },
  responses: { 200: jsonContent(RecordSchema, "The record") },
});

export function registerCrudGetRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudGetRecordRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    return c.json(toRecordJson(await getRecord(c.get("services"), c.get("actor"), { recordId: record_id })), 200);
  });
}
