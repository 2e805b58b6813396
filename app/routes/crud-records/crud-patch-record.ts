import type { OpenAPIHono } from "@hono/zod-openapi";
import { toRecordJson } from "../../../core/records/record-view.ts";
import { updateRecord } from "../../../core/records/update-record.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { updateRecordInput } from "../records/record-http.ts";
import { RecordIdParams, RecordSchema, UpdateRecordSchema } from "../records/schemas.ts";

export const crudPatchRecordRoute = defineRoute({
  method: "patch",
  path: "/api/v1/crud/records/{record_id}",
  operationId: "crudPatchRecord",
  tags: ["CRUD - Records"],
  summary: "Partially update a record (CRUD)",
  description:
    "Only what the body names changes: the given `field_values` keys (`null` clears one), `status`, `tags`. Creates a new version. " +
    "Needs `can_edit` (or `can_edit_own` on your own record); `version` gives optimistic concurrency (409).",
  auth: "user",
  errors: [409],
  request: { params: RecordIdParams, body: { required: true, content: { "application/json": { schema: UpdateRecordSchema } } } },
  responses: { 200: jsonContent(RecordSchema, "The record at its new version") },
});

export function registerCrudPatchRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudPatchRecordRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const record = await updateRecord(c.get("services"), c.get("actor"), updateRecordInput(record_id, c.req.valid("json"), "merge"));
    return c.json(toRecordJson(record), 200);
  });
}
