import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecordAttachments } from "../../../core/records/list-record-attachments.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams } from "../records/schemas.ts";
import { RecordAttachmentSchema } from "./schemas.ts";

export const crudListRecordAttachmentsRoute = defineRoute({
  method: "get",
  path: "/api/v1/crud/records/{record_id}/attachments",
  operationId: "crudListRecordAttachments",
  tags: ["CRUD - Record Attachments"],
  summary: "List file attachments of a record",
  description: "Every attachment of the record, oldest first, each with a freshly signed download URL. Needs `can_view`.",
  auth: "user",
  request: { params: RecordIdParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(RecordAttachmentSchema), total: z.number().int() }).openapi("RecordAttachmentList"), "The attachments"),
  },
});

export function registerCrudListRecordAttachments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudListRecordAttachmentsRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    return c.json(await listRecordAttachments(c.get("services"), c.get("actor"), { recordId: record_id }), 200);
  });
}
