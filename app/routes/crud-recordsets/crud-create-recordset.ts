import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRecordset } from "../../../core/recordsets/create-recordset.ts";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { CreateRecordsetBody, RecordsetSchema, toCreateInput } from "../recordsets/schemas.ts";

export const crudCreateRecordsetRoute = defineRoute({
  method: "post",
  path: "/api/v1/crud/recordsets",
  operationId: "crudCreateRecordset",
  tags: ["CRUD - Recordsets"],
  summary: "Create a recordset (CRUD)",
  description:
    "Same as `POST /recordsets`: the slug comes from `slug` or the name and is made unique; promoted columns and the GIS source follow the schema. Requires the workspace permission `can_create_recordset`.",
  auth: "user",
  request: jsonBody(CreateRecordsetBody),
  responses: { 201: jsonContent(RecordsetSchema, "The created recordset") },
});

export function registerCrudCreateRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudCreateRecordsetRoute, async (c) => {
    const recordset = await createRecordset(c.get("services"), c.get("actor"), toCreateInput(c.req.valid("json")));
    return c.json(toRecordsetJson(recordset), 201);
  });
}
