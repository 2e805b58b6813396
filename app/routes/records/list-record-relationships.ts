import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecordRelationships } from "../../../core/records/list-record-relationships.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams, RecordRelationshipSchema } from "./schemas.ts";

export const listRecordRelationshipsRoute = defineRoute({
  method: "get",
  path: "/api/v1/records/{record_id}/relationships",
  operationId: "listRecordRelationships",
  tags: ["Records"],
  summary: "List relationships of a record",
  description: "Links from the record (`outgoing`) and to it (`incoming`), with the title of the record at the other end; links to deleted records are left out. Needs `can_view`.",
  auth: "user",
  request: { params: RecordIdParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(RecordRelationshipSchema), total: z.number().int() }).openapi("RecordRelationshipList"), "The relationships"),
  },
});

export function registerListRecordRelationships(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordRelationshipsRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    return c.json(await listRecordRelationships(c.get("services"), c.get("actor"), { recordId: record_id }), 200);
  });
}
