import type { OpenAPIHono } from "@hono/zod-openapi";
import { resyncRecordsetPromotedColumns } from "../../../core/recordsets/resync-recordset-promoted-columns.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { ResyncPromotedResultSchema } from "./map-schemas.ts";
import { RecordsetSlugParams } from "./schemas.ts";

export const resyncRecordsetPromotedColumnsRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/{recordset_slug}/resync-promoted",
  operationId: "resyncRecordsetPromotedColumns",
  tags: ["Recordsets"],
  summary: "Recompute promoted columns for all records in a recordset",
  description:
    "Recomputes every record's title, promoted (indexed) columns and geometry from its values in one UPDATE, without reading records into the API: after a change of promoted fields or GIS source, or a bulk import. Requires `can_admin` on the recordset.",
  auth: "user",
  request: { params: RecordsetSlugParams },
  responses: { 200: jsonContent(ResyncPromotedResultSchema, "How many records were updated") },
});

export function registerResyncRecordsetPromotedColumns(app: OpenAPIHono<AppEnv>): void {
  app.openapi(resyncRecordsetPromotedColumnsRoute, async (c) => {
    const { recordset_slug } = c.req.valid("param");
    return c.json(await resyncRecordsetPromotedColumns(c.get("services"), c.get("actor"), { slug: recordset_slug }), 200);
  });
}
