import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRecordsetView } from "../../../core/recordsets/create-recordset-view.ts";
import { toViewJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { RecordsetSlugParams } from "./schemas.ts";
import { CreateRecordsetViewBody, RecordsetViewSchema, toViewConfig } from "./view-schemas.ts";

export const createRecordsetViewRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/{recordset_slug}/views",
  operationId: "createRecordsetView",
  tags: ["Recordsets"],
  summary: "Create a view for a recordset",
  description:
    "Saves a view: its type and a config of filters (the record list's grammar), sort, visible columns and grouping, each field checked against the recordset's schema (422 naming unknown fields or operators). A default view takes the flag from the previous one. Views are shared, so writing them requires `can_edit` on the recordset; 404 when the recordset does not exist.",
  auth: "user",
  request: { params: RecordsetSlugParams, ...jsonBody(CreateRecordsetViewBody) },
  responses: { 201: jsonContent(RecordsetViewSchema, "The view") },
});

export function registerCreateRecordsetView(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordsetViewRoute, async (c) => {
    const { recordset_slug } = c.req.valid("param");
    const body = c.req.valid("json");
    const view = await createRecordsetView(c.get("services"), c.get("actor"), {
      slug: recordset_slug,
      name: body.name,
      type: body.type,
      config: toViewConfig(body.config),
      isDefault: body.is_default,
    });
    return c.json(toViewJson(view), 201);
  });
}
