import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecords } from "../../../core/records/list-records.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { listRecordsInput, recordPageJson } from "../records/record-http.ts";
import { baseRecordListQuery, RecordListSchema } from "../records/schemas.ts";

export const crudListRecordsRoute = defineRoute({
  method: "get",
  path: "/api/v1/crud/records",
  operationId: "crudListRecords",
  tags: ["CRUD - Records"],
  summary: "List records with pagination and filters (CRUD)",
  description:
    "Records of the current workspace that you can view, newest first; `recordset_id` narrows to one recordset (403 without `can_view` on it). For typed sort and field filters use `GET /api/v1/records`.",
  auth: "user",
  request: { query: z.object(baseRecordListQuery) },
  responses: { 200: jsonContent(RecordListSchema, "A page of records") },
});

export function registerCrudListRecords(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudListRecordsRoute, async (c) => {
    const page = await listRecords(c.get("services"), c.get("actor"), listRecordsInput(c.req.valid("query")));
    return c.json(recordPageJson(page), 200);
  });
}
