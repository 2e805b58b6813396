import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecordHistory } from "../../../core/records/list-record-history.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams, RecordVersionSchema } from "./schemas.ts";

export const listRecordHistoryRoute = defineRoute({
  method: "get",
  path: "/api/v1/records/{record_id}/history",
  operationId: "listRecordHistory",
  tags: ["Records"],
  summary: "List a record's version history",
  description: "Every version of the record, newest first, with its values and the member who made the change (`changed_by`). Needs `can_view`.",
  auth: "user",
  request: { params: RecordIdParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(RecordVersionSchema), total: z.number().int() }).openapi("RecordHistory"), "The versions"),
  },
});

export function registerListRecordHistory(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordHistoryRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    return c.json(await listRecordHistory(c.get("services"), c.get("actor"), { recordId: record_id }), 200);
  });
}
