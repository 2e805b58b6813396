import type { OpenAPIHono } from "@hono/zod-openapi";
import { toRecordJson } from "../../../core/records/record-view.ts";
import { updateRecord } from "../../../core/records/update-record.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { updateRecordInput } from "./record-http.ts";
import { RecordIdParams, RecordSchema, UpdateRecordSchema } from "./schemas.ts";

export const updateRecordRoute = defineRoute({
  method: "put",
  path: "/api/v1/records/{record_id}",
  operationId: "updateRecord",
  tags: ["Records"],
  summary: "Update a record, creating a new version",
  description:
    "Merges `field_values` into the record (only the given keys change; `null` clears one) and sets `status`/`tags` when given; every update is a new version in the history. " +
    "Needs `can_edit` on the recordset, or `can_edit_own` on a record you created (403). Send the `version` you read for optimistic concurrency: 409 when the record moved on.",
  auth: "user",
  errors: [409],
  request: { params: RecordIdParams, body: { required: true, content: { "application/json": { schema: UpdateRecordSchema } } } },
  responses: { 200: jsonContent(RecordSchema, "The record at its new version") },
});

export function registerUpdateRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateRecordRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const record = await updateRecord(c.get("services"), c.get("actor"), updateRecordInput(record_id, c.req.valid("json"), "merge"));
    return c.json(toRecordJson(record), 200);
  });
}
