import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import { updateRecordset } from "../../../core/recordsets/update-recordset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { RecordsetIdParams, RecordsetSchema, toPatchInput, UpdateRecordsetBody, updateSemantics } from "../recordsets/schemas.ts";

/** PUT takes the whole representation: the name is required, the rest reset to defaults when left out. */
const ReplaceRecordsetBody = UpdateRecordsetBody.extend({ name: z.string().trim().min(1).max(200).openapi({ example: "Properties" }) }).openapi("ReplaceRecordset");

export const crudReplaceRecordsetRoute = defineRoute({
  method: "put",
  path: "/api/v1/crud/recordsets/{recordset_id}",
  operationId: "crudReplaceRecordset",
  tags: ["CRUD - Recordsets"],
  summary: "Fully update a recordset (CRUD)",
  description: `Replaces the recordset's representation: \`name\` is required and every property left out goes back to its default (no description, icon or color, type \`custom\`, no fields, empty settings, active, promoted columns and GIS source derived from the schema, map mode when it has one). ${updateSemantics} Requires \`can_admin\` on the recordset.`,
  auth: "user",
  request: { params: RecordsetIdParams, ...jsonBody(ReplaceRecordsetBody) },
  responses: { 200: jsonContent(RecordsetSchema, "The updated recordset") },
});

export function registerCrudReplaceRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudReplaceRecordsetRoute, async (c) => {
    const recordset = await updateRecordset(c.get("services"), c.get("actor"), {
      ref: { id: c.req.valid("param").recordset_id },
      changes: toPatchInput(c.req.valid("json")),
      mode: "replace",
    });
    return c.json(toRecordsetJson(recordset), 200);
  });
}
