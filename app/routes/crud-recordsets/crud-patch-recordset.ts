import type { OpenAPIHono } from "@hono/zod-openapi";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import { updateRecordset } from "../../../core/recordsets/update-recordset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { RecordsetIdParams, RecordsetSchema, toPatchInput, UpdateRecordsetBody, updateSemantics } from "../recordsets/schemas.ts";

export const crudPatchRecordsetRoute = defineRoute({
  method: "patch",
  path: "/api/v1/crud/recordsets/{recordset_id}",
  operationId: "crudPatchRecordset",
  tags: ["CRUD - Recordsets"],
  summary: "Partially update a recordset (CRUD)",
  description: `Only the properties present in the body change. ${updateSemantics} Requires \`can_admin\` on the recordset.`,
  auth: "user",
  request: { params: RecordsetIdParams, ...jsonBody(UpdateRecordsetBody) },
  responses: { 200: jsonContent(RecordsetSchema, "The updated recordset") },
});

export function registerCrudPatchRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudPatchRecordsetRoute, async (c) => {
    const recordset = await updateRecordset(c.get("services"), c.get("actor"), {
      ref: { id: c.req.valid("param").recordset_id },
      changes: toPatchInput(c.req.valid("json")),
      mode: "merge",
    });
    return c.json(toRecordsetJson(recordset), 200);
  });
}
