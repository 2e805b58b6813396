import type { OpenAPIHono } from "@hono/zod-openapi";
import { getRecordset } from "../../../core/recordsets/get-recordset.ts";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetIdParams, RecordsetSchema } from "../recordsets/schemas.ts";

export const crudGetRecordsetRoute = defineRoute({
  method: "get",
  path: "/api/v1/crud/recordsets/{recordset_id}",
  operationId: "crudGetRecordset",
  tags: ["CRUD - Recordsets"],
  summary: "Get a recordset by ID with record count (CRUD)",
  description: "The recordset with its record count. 404 when it does not exist or is trashed; 403 without `can_view` on it.",
  auth: "user",
  request: { params: RecordsetIdParams },
  responses: { 200: jsonContent(RecordsetSchema, "The recordset") },
});

export function registerCrudGetRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudGetRecordsetRoute, async (c) => {
    const recordset = await getRecordset(c.get("services"), c.get("actor"), { id: c.req.valid("param").recordset_id });
    return c.json(toRecordsetJson(recordset), 200);
  });
}
