import type { OpenAPIHono } from "@hono/zod-openapi";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import { updateRecordset } from "../../../core/recordsets/update-recordset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { RecordsetSchema, RecordsetSlugParams, toPatchInput, UpdateRecordsetBody, updateSemantics } from "./schemas.ts";

export const updateRecordsetRoute = defineRoute({
  method: "put",
  path: "/api/v1/recordsets/{recordset_slug}",
  operationId: "updateRecordset",
  tags: ["Recordsets"],
  summary: "Update a recordset (slug is immutable)",
  description: `Changes the properties given; the others stay. ${updateSemantics} Requires \`can_admin\` on the recordset.`,
  auth: "user",
  request: { params: RecordsetSlugParams, ...jsonBody(UpdateRecordsetBody) },
  responses: { 200: jsonContent(RecordsetSchema, "The updated recordset") },
});

export function registerUpdateRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateRecordsetRoute, async (c) => {
    const recordset = await updateRecordset(c.get("services"), c.get("actor"), {
      ref: { slug: c.req.valid("param").recordset_slug },
      changes: toPatchInput(c.req.valid("json")),
      mode: "merge",
    });
    return c.json(toRecordsetJson(recordset), 200);
  });
}
