import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { IMPORT_URL_TTL_SECONDS } from "../../../core/imports/import-deps.ts";
import { createImportUploadUrl } from "../../../core/imports/store-import-file.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { FileUriSchema } from "./schemas.ts";

const UploadUrlBody = z
  .object({
    filename: z.string().trim().min(1).max(255).openapi({ example: "properties.csv" }),
    content_type: z.string().trim().max(200).optional().openapi({ example: "text/csv" }),
  })
  .openapi("CreateImportUploadUrl");

const UploadUrlSchema = z
  .object({
    upload_url: z.string().openapi({ description: "PUT the file's bytes here before it expires" }),
    method: z.literal("PUT"),
    headers: z.record(z.string(), z.string()).openapi({ description: "Headers to send with the PUT", example: { "Content-Type": "text/csv" } }),
    expires_at: z.string().openapi({ format: "date-time" }),
    file_uri: FileUriSchema,
  })
  .openapi("ImportUploadUrl");

export const createImportUploadUrlRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/import/upload/signed-url",
  operationId: "createImportUploadUrl",
  tags: ["Recordset Import"],
  summary: "Create a signed URL for direct browser upload",
  description:
    "A presigned PUT URL (valid one hour) for uploading the file straight to storage, and the `file_uri` to analyze and import it afterwards. " +
    "The extension and content type must be those of a CSV, XLSX, JSON or GeoJSON file (422 otherwise); the size limit is enforced when the file is read.",
  auth: "user",
  request: { body: { required: true, content: { "application/json": { schema: UploadUrlBody } } } },
  responses: { 200: jsonContent(UploadUrlSchema, "The signed upload URL") },
});

export function registerCreateImportUploadUrl(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createImportUploadUrlRoute, async (c) => {
    const body = c.req.valid("json");
    const signed = await createImportUploadUrl(c.get("services"), c.get("actor"), { fileName: body.filename, contentType: body.content_type ?? null, ttlSeconds: IMPORT_URL_TTL_SECONDS });
    return c.json({ upload_url: signed.uploadUrl, method: signed.method, headers: signed.headers, expires_at: signed.expiresAt.toISOString(), file_uri: signed.fileUri }, 200);
  });
}
