import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { analyzeImportFile } from "../../../core/imports/store-import-file.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { analysisJson, FileAnalysisSchema, FileUriSchema } from "./schemas.ts";

const AnalyzeBody = z.object({ file_uri: FileUriSchema }).openapi("AnalyzeImportFile");

export const analyzeImportFileRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/import/upload/analyze",
  operationId: "analyzeImportFile",
  tags: ["Recordset Import"],
  summary: "Analyze headers and types of an already-uploaded file",
  description:
    "Analyzes the file at `file_uri` (e.g. one uploaded through a signed URL) without re-uploading it: headers, inferred types, row counts. " +
    "A URI of another workspace answers 404; an unreadable file 422; one over the import limit 413.",
  auth: "user",
  errors: [413],
  request: { body: { required: true, content: { "application/json": { schema: AnalyzeBody } } } },
  responses: { 200: jsonContent(FileAnalysisSchema, "The file's analysis") },
});

export function registerAnalyzeImportFile(app: OpenAPIHono<AppEnv>): void {
  app.openapi(analyzeImportFileRoute, async (c) => {
    const services = c.get("services");
    const analyzed = await analyzeImportFile(services, c.get("actor"), { fileUri: c.req.valid("json").file_uri, maxBytes: services.config.IMPORT_MAX_BYTES });
    return c.json(analysisJson(analyzed), 200);
  });
}
