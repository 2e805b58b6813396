import type { OpenAPIHono } from "@hono/zod-openapi";
import { listRecordsets } from "../../../core/recordsets/list-recordsets.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetListQuery, RecordsetListSchema, toListInput, toRecordsetPageJson } from "../recordsets/schemas.ts";

export const crudListRecordsetsRoute = defineRoute({
  method: "get",
  path: "/api/v1/crud/recordsets",
  operationId: "crudListRecordsets",
  tags: ["CRUD - Recordsets"],
  summary: "List recordsets with pagination and filters (CRUD)",
  description:
    "Like `GET /recordsets`: the recordsets the caller can see, by name, filtered by `search`, `type` and `is_active`. Each carries its record count, a column of the recordset row kept in step by record writes (no per-row count query). Registered recordset sources (connected integrations) first create what they are missing; none is registered yet.",
  auth: "user",
  request: { query: RecordsetListQuery },
  responses: { 200: jsonContent(RecordsetListSchema, "A page of recordsets") },
});

export function registerCrudListRecordsets(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudListRecordsetsRoute, async (c) => {
    const page = await listRecordsets(c.get("services"), c.get("actor"), toListInput(c.req.valid("query")));
    return c.json(toRecordsetPageJson(page), 200);
  });
}
