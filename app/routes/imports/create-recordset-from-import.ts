import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { createRecordsetFromImport } from "../../../core/imports/create-recordset-from-import.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { CreateRecordsetBody, toCreateInput } from "../recordsets/schemas.ts";
import { FieldMappingsSchema, FileUriSchema, StartedImportSchema, startedImportJson } from "./schemas.ts";

const CreateFromImportBody = CreateRecordsetBody.extend({
  file_uri: FileUriSchema,
  field_mappings: FieldMappingsSchema.optional(),
}).openapi("CreateRecordsetFromImport");

export const createRecordsetFromImportRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/import",
  operationId: "createRecordsetFromImport",
  tags: ["Recordset Import"],
  summary: "Create a recordset and import an uploaded file into it",
  description:
    "Creates the recordset (with `fields`, or one field per column with the inferred types when `fields` is left out) and queues the import " +
    "in the same transaction; returns `recordset_id` and `job_id` at once. Without `field_mappings`, columns map to the fields whose key or name they match. " +
    "Rows that fail validation go to an error report (row, column, reason) stored in object storage; on completion the user is notified and emailed. " +
    "Progress: GET /api/v1/recordsets/import/jobs/{job_id}. Requires `can_create_recordset`.",
  auth: "user",
  errors: [413],
  request: { body: { required: true, content: { "application/json": { schema: CreateFromImportBody } } } },
  responses: { 200: jsonContent(StartedImportSchema, "The recordset was created and its import queued") },
});

export function registerCreateRecordsetFromImport(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordsetFromImportRoute, async (c) => {
    const services = c.get("services");
    const body = c.req.valid("json");
    const started = await createRecordsetFromImport(services, c.get("actor"), {
      ...toCreateInput(body),
      fields: body.fields ? toCreateInput(body).fields : undefined,
      fileUri: body.file_uri,
      fieldMappings: body.field_mappings,
      maxBytes: services.config.IMPORT_MAX_BYTES,
    });
    return c.json(startedImportJson(started), 200);
  });
}
