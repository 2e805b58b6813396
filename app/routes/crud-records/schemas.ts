import { z } from "@hono/zod-openapi";
import { FieldValuesSchema, RecordIdParams, TagsSchema, UpdateRecordSchema, WritableRecordStatusSchema } from "../records/schemas.ts";

/** Body of crudReplaceRecord: the full record, so `field_values` is required and becomes the whole value set. */
export const ReplaceRecordSchema = z
  .object({
    field_values: FieldValuesSchema,
    status: WritableRecordStatusSchema.optional(),
    tags: TagsSchema.optional(),
    version: UpdateRecordSchema.shape.version,
  })
  .openapi("ReplaceRecord");

/** `record_id` and `attachment_id` path parameters. */
export const AttachmentParams = RecordIdParams.extend({
  attachment_id: z.uuid().openapi({ param: { name: "attachment_id", in: "path" }, example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a22" }),
});

export const RecordAttachmentSchema = z
  .object({
    id: z.uuid(),
    record_id: z.uuid(),
    file_name: z.string().openapi({ description: "The uploaded name, made safe for storage", example: "site_plan.pdf" }),
    content_type: z.string().openapi({ example: "application/pdf" }),
    size_bytes: z.number().int().openapi({ example: 482113 }),
    uploaded_by: z.uuid().nullable().openapi({ description: "The member (user id) who uploaded it" }),
    created_at: z.string().openapi({ format: "date-time" }),
    download_url: z.string().openapi({ description: "Signed download URL, fresh on every response" }),
    expires_in: z.number().int().openapi({ description: "Seconds until download_url expires", example: 3600 }),
  })
  .openapi("RecordAttachment");
