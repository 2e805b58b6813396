import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteRecordAttachment } from "../../../core/records/delete-record-attachment.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { AttachmentParams } from "./schemas.ts";

export const crudDeleteRecordAttachmentRoute = defineRoute({
  method: "delete",
  path: "/api/v1/crud/records/{record_id}/attachments/{attachment_id}",
  operationId: "crudDeleteRecordAttachment",
  tags: ["CRUD - Record Attachments"],
  summary: "Delete a record's file attachment",
  description: "Removes the attachment and its stored file. 404 when the attachment is not on that record. Needs `can_edit` (or `can_edit_own` on your own record).",
  auth: "user",
  request: { params: AttachmentParams },
  responses: { 204: { description: "Deleted" } },
});

export function registerCrudDeleteRecordAttachment(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudDeleteRecordAttachmentRoute, async (c) => {
    const { record_id, attachment_id } = c.req.valid("param");
    await deleteRecordAttachment(c.get("services"), c.get("actor"), { recordId: record_id, attachmentId: attachment_id });
    return c.body(null, 204);
  });
}
