import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { createRecordComment, MAX_COMMENT_LENGTH } from "../../../core/records/create-record-comment.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordCommentSchema, RecordIdParams } from "./schemas.ts";

export const createRecordCommentRoute = defineRoute({
  method: "post",
  path: "/api/v1/records/{record_id}/comments",
  operationId: "createRecordComment",
  tags: ["Records"],
  summary: "Add a comment to a record",
  description: "Anyone who can view the record may comment, except workspace viewers (403).",
  auth: "user",
  request: {
    params: RecordIdParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({ content: z.string().trim().min(1).max(MAX_COMMENT_LENGTH).openapi({ description: `1 to ${MAX_COMMENT_LENGTH} characters`, example: "Called them, follow up next week." }) })
            .openapi("CreateRecordComment"),
        },
      },
    },
  },
  responses: { 201: jsonContent(RecordCommentSchema, "The comment") },
});

export function registerCreateRecordComment(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordCommentRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    const { content } = c.req.valid("json");
    return c.json(await createRecordComment(c.get("services"), c.get("actor"), { recordId: record_id, content }), 201);
  });
}
