import type { OpenAPIHono } from "@hono/zod-openapi";
import { toRecordJson } from "../../../core/records/record-view.ts";
import { updateRecord } from "../../../core/records/update-record.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { updateRecordInput } from "../records/record-http.ts";
import { RecordIdParams, RecordSchema } from "../records/schemas.ts";
import { ReplaceRecordSchema } from "./schemas.ts";

export const crudReplaceRecordRoute = defineRoute({
  method: "put",
  path: "/api/v1/crud/records/{record_id}",
  operationId: "crudReplaceRecord",
  tags: ["CRUD - Records"],
  summary: "Fully update a record (CRUD)",
  description:
    "Replaces the record's values: `field_values` becomes the whole set (fields left out are cleared; required fields must be present). Creates a new version. " +
    "Needs `can_edit` (or `can_edit_own` on your own record); `version` gives optimistic concurrency (409).",
  auth: "user",
  errors: [409],
  request: { params: RecordIdParams, body: { required: true, content: { "application/json": { schema: ReplaceRecordSchema } } } },
  responses: { 200: jsonContent(RecordSchema, "The record at its new version") },
});

export function registerCrudReplaceRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudReplaceRecordRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const record = await updateRecord(c.get("services"), c.get("actor"), updateRecordInput(record_id, c.req.valid("json"), "replace"));
    return c.json(toRecordJson(record), 200);
  });
}
