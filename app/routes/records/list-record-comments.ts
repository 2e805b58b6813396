import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecordComments } from "../../../core/records/list-record-comments.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordCommentSchema, RecordIdParams } from "./schemas.ts";

export const listRecordCommentsRoute = defineRoute({
  method: "get",
  path: "/api/v1/records/{record_id}/comments",
  operationId: "listRecordComments",
  tags: ["Records"],
  summary: "List comments on a record",
  description: "Every comment on the record, oldest first, with its author. Needs `can_view`.",
  auth: "user",
  request: { params: RecordIdParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(RecordCommentSchema), total: z.number().int() }).openapi("RecordCommentList"), "The comments"),
  },
});

export function registerListRecordComments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordCommentsRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    return c.json(await listRecordComments(c.get("services"), c.get("actor"), { recordId: record_id }), 200);
  });
}
