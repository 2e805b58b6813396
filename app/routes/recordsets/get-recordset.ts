import type { OpenAPIHono } from "@hono/zod-openapi";
import { getRecordset } from "../../../core/recordsets/get-recordset.ts";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetSchema, RecordsetSlugParams } from "./schemas.ts";

export const getRecordsetRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/{recordset_slug}",
  operationId: "getRecordset",
  tags: ["Recordsets"],
  summary: "Get a recordset by slug with record count",
  description:
    "The recordset with its field schema, promoted columns, GIS source and record count (kept in step by every record write; `POST /crud/recordsets/sync-counts` repairs it). 404 when no live recordset has the slug; 403 without `can_view` on it.",
  auth: "user",
  request: { params: RecordsetSlugParams },
  responses: { 200: jsonContent(RecordsetSchema, "The recordset") },
});

export function registerGetRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRecordsetRoute, async (c) => {
    const recordset = await getRecordset(c.get("services"), c.get("actor"), { slug: c.req.valid("param").recordset_slug });
    return c.json(toRecordsetJson(recordset), 200);
  });
}
