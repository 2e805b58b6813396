import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import { uploadImportFile } from "../../../core/imports/store-import-file.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { readMultipartFile } from "./multipart-file.ts";
import { analysisJson, FileAnalysisSchema } from "./schemas.ts";

export const IMPORT_UPLOAD_PATH = "/api/v1/recordsets/import/upload";

export const uploadImportFileRoute = defineRoute({
  method: "post",
  path: IMPORT_UPLOAD_PATH,
  operationId: "uploadImportFile",
  tags: ["Recordset Import"],
  summary: "Upload an import file and analyze its headers",
  description:
    "Accepts a CSV (any delimiter; UTF-8 with or without BOM, or Windows-1252), Excel (.xlsx), GeoJSON or JSON file as the multipart part `file`, " +
    "streams it to storage and analyzes it: column headers (blank and duplicate ones renamed), inferred field types from a sample, " +
    "total and unreadable row counts. Returns the `file_uri` for the import step. Files over IMPORT_MAX_BYTES (200 MB) answer 413. Viewers cannot import (403).",
  auth: "user",
  errors: [413, 415],
  request: {
    body: {
      required: true,
      content: { "multipart/form-data": { schema: z.object({ file: z.string().openapi({ type: "string", format: "binary", description: ".csv, .xlsx, .json or .geojson" }) }) } },
    },
  },
  responses: { 200: jsonContent(FileAnalysisSchema, "The stored file and its analysis") },
});

export function registerUploadImportFile(app: OpenAPIHono<AppEnv>): void {
  // Registered by hand: the OpenAPI validator would read the whole multipart body into memory
  // before the handler runs; here the file streams to storage as it arrives.
  app.openAPIRegistry.registerPath(uploadImportFileRoute);
  const middleware = ((uploadImportFileRoute as { middleware?: MiddlewareHandler<AppEnv>[] }).middleware ?? []);
  app.post(IMPORT_UPLOAD_PATH, every(...middleware), async (c) => {
    const services = c.get("services");
    const maxBytes = services.config.IMPORT_MAX_BYTES;
    const file = await readMultipartFile(c.req.raw, "file", maxBytes);
    const uploaded = await uploadImportFile(services, c.get("actor"), { ...file, maxBytes });
    return c.json(analysisJson(uploaded), 200);
  });
}
