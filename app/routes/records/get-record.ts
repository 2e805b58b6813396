import type { OpenAPIHono } from "@hono/zod-openapi";
import { getRecord } from "../../../core/records/get-record.ts";
import { toRecordJson } from "../../../core/records/record-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordIdParams, RecordSchema } from "./schemas.ts";

export const getRecordRoute = defineRoute({
  method: "get",
  path: "/api/v1/records/{record_id}",
  operationId: "getRecord",
  tags: ["Records"],
  summary: "Get a record by ID",
  description: "The record; 404 when it does not exist (or is deleted), 403 without `can_view` on its recordset.",
  auth: "user",
  request: { params: RecordIdParams },
  responses: { 200: jsonContent(RecordSchema, "The record") },
});

export function registerGetRecord(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRecordRoute, async (c) => {
    const { record_id } = c.req.valid("param");
    return c.json(toRecordJson(await getRecord(c.get("services"), c.get("actor"), { recordId: record_id })), 200);
  });
}
