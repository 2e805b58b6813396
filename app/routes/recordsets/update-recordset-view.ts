import type { OpenAPIHono } from "@hono/zod-openapi";
import { updateRecordsetView } from "../../../core/recordsets/update-recordset-view.ts";
import { toViewJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { RecordsetViewParams, RecordsetViewSchema, toViewConfig, UpdateRecordsetViewBody } from "./view-schemas.ts";

export const updateRecordsetViewRoute = defineRoute({
  method: "put",
  path: "/api/v1/recordsets/{recordset_slug}/views/{view_id}",
  operationId: "updateRecordsetView",
  tags: ["Recordsets"],
  summary: "Update a recordset view",
  description:
    "Changes the given properties of a view; `config` replaces the whole config and is checked against the current schema (as on create). 404 when the recordset or the view does not exist. Requires `can_edit` on the recordset.",
  auth: "user",
  request: { params: RecordsetViewParams, ...jsonBody(UpdateRecordsetViewBody) },
  responses: { 200: jsonContent(RecordsetViewSchema, "The view") },
});

export function registerUpdateRecordsetView(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateRecordsetViewRoute, async (c) => {
    const { recordset_slug, view_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const view = await updateRecordsetView(c.get("services"), c.get("actor"), {
      slug: recordset_slug,
      viewId: view_id,
      name: body.name,
      type: body.type,
      config: body.config && toViewConfig(body.config),
      isDefault: body.is_default,
    });
    return c.json(toViewJson(view), 200);
  });
}
