import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listRecords } from "../../../core/records/list-records.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { listRecordsInput, recordPageJson } from "./record-http.ts";
import { RecordListSchema, recordListQuery } from "./schemas.ts";

export const listRecordsRoute = defineRoute({
  method: "get",
  path: "/api/v1/records",
  operationId: "listRecords",
  tags: ["Records"],
  summary: "List records from all recordsets the user can access",
  description:
    "Records of one recordset (`recordset_id`, 403 without `can_view` on it) or of every recordset you can view. " +
    "Filters, typed sort and the `fields` projection are checked against the recordset's field schema; without `recordset_id` only `title`, `created_at` and `updated_at` can be filtered or sorted on. " +
    "`column_filters`, `numeric_filters` and `date_filters` are JSON (grammar in each parameter's description); an unknown field or operator is a 422 naming it.",
  auth: "user",
  request: { query: z.object(recordListQuery) },
  responses: { 200: jsonContent(RecordListSchema, "A page of records") },
});

export function registerListRecords(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordsRoute, async (c) => {
    const page = await listRecords(c.get("services"), c.get("actor"), listRecordsInput(c.req.valid("query")));
    return c.json(recordPageJson(page), 200);
  });
}
