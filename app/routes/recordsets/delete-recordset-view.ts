import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteRecordsetView } from "../../../core/recordsets/delete-recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { RecordsetViewParams } from "./view-schemas.ts";

export const deleteRecordsetViewRoute = defineRoute({
  method: "delete",
  path: "/api/v1/recordsets/{recordset_slug}/views/{view_id}",
  operationId: "deleteRecordsetView",
  tags: ["Recordsets"],
  summary: "Delete a recordset view",
  description: "Deletes the view; 404 when the recordset or the view does not exist. Requires `can_edit` on the recordset.",
  auth: "user",
  request: { params: RecordsetViewParams },
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteRecordsetView(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteRecordsetViewRoute, async (c) => {
    const { recordset_slug, view_id } = c.req.valid("param");
    await deleteRecordsetView(c.get("services"), c.get("actor"), { slug: recordset_slug, viewId: view_id });
    return c.body(null, 204);
  });
}
