import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { importIntoRecordset } from "../../../core/imports/import-into-recordset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetIdParams } from "../recordsets/schemas.ts";
import { FieldMappingsSchema, FileUriSchema, StartedImportSchema, startedImportJson } from "./schemas.ts";

const ImportIntoBody = z.object({ file_uri: FileUriSchema, field_mappings: FieldMappingsSchema.optional() }).openapi("ImportIntoRecordset");

export const importIntoRecordsetRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/import/recordsets/{recordset_id}",
  operationId: "importIntoRecordset",
  tags: ["Recordset Import"],
  summary: "Import an uploaded file into an existing recordset",
  description:
    "Queues the import of a file uploaded through POST /import/upload (or a signed URL) into the recordset. `field_mappings` maps file columns to " +
    "existing fields (checked now: unknown columns or fields, and required fields without a column, answer 422). 404 when the recordset does not exist; " +
    "requires `can_create` on it (403).",
  auth: "user",
  errors: [413],
  request: { params: RecordsetIdParams, body: { required: true, content: { "application/json": { schema: ImportIntoBody } } } },
  responses: { 200: jsonContent(StartedImportSchema, "The import was queued") },
});

export function registerImportIntoRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(importIntoRecordsetRoute, async (c) => {
    const services = c.get("services");
    const body = c.req.valid("json");
    const started = await importIntoRecordset(services, c.get("actor"), {
      recordsetId: c.req.valid("param").recordset_id,
      fileUri: body.file_uri,
      fieldMappings: body.field_mappings,
      maxBytes: services.config.IMPORT_MAX_BYTES,
    });
    return c.json(startedImportJson(started), 200);
  });
}
