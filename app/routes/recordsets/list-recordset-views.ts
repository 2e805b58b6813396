import type { OpenAPIHono } from "@hono/zod-openapi";
import { listRecordsetViews } from "../../../core/recordsets/list-recordset-views.ts";
import { toViewJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetSlugParams } from "./schemas.ts";
import { RecordsetViewListSchema } from "./view-schemas.ts";

export const listRecordsetViewsRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/{recordset_slug}/views",
  operationId: "listRecordsetViews",
  tags: ["Recordsets"],
  summary: "List saved views of a recordset",
  description: "The recordset's saved views (table, map, kanban, calendar, gallery), oldest first. 404 when the recordset does not exist. Requires `can_view` on it.",
  auth: "user",
  request: { params: RecordsetSlugParams },
  responses: { 200: jsonContent(RecordsetViewListSchema, "The views") },
});

export function registerListRecordsetViews(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordsetViewsRoute, async (c) => {
    const { recordset_slug } = c.req.valid("param");
    const views = await listRecordsetViews(c.get("services"), c.get("actor"), { slug: recordset_slug });
    return c.json({ items: views.map(toViewJson), total: views.length }, 200);
  });
}
