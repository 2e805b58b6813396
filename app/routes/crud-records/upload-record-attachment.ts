import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { Invalid } from "../../../core/errors.ts";
import { uploadRecordAttachment } from "../../../core/records/upload-record-attachment.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams } from "../records/schemas.ts";
import { RecordAttachmentSchema } from "./schemas.ts";

export const crudUploadRecordAttachmentRoute = defineRoute({
  method: "post",
  path: "/api/v1/crud/records/{record_id}/attachments",
  operationId: "crudUploadRecordAttachment",
  tags: ["CRUD - Record Attachments"],
  summary: "Upload a file attachment to a record",
  description:
    "Multipart upload (`file`). Accepted: images, PDF, Word/Excel/PowerPoint and OpenDocument files, RTF, CSV/TSV, text, Markdown, JSON/GeoJSON, KML/KMZ and zip (415 otherwise; " +
    "a generic `application/octet-stream` is typed by the file's extension). At most RECORD_ATTACHMENT_MAX_BYTES (25 MB by default; 413). Needs `can_edit` (or `can_edit_own` on your own record).",
  auth: "user",
  errors: [413, 415],
  request: {
    params: RecordIdParams,
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: z.object({ file: z.any().openapi({ type: "string", format: "binary", description: "The file" }) }).openapi("RecordAttachmentUpload"),
        },
      },
    },
  },
  responses: { 201: jsonContent(RecordAttachmentSchema, "The stored attachment") },
});

export function registerCrudUploadRecordAttachment(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudUploadRecordAttachmentRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const { file } = c.req.valid("form") as { file?: unknown };
    if (!(file instanceof File)) throw new Invalid("a file is required", [{ field: "body.file", message: "required: the file to attach" }]);
    const services = c.get("services");
    const attachment = await uploadRecordAttachment(services, c.get("actor"), {
      recordId: record_id,
      file: { name: file.name, type: file.type, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) },
      maxBytes: services.config.RECORD_ATTACHMENT_MAX_BYTES,
    });
    return c.json(attachment, 201);
  });
}
