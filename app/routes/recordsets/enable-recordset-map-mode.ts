import type { OpenAPIHono } from "@hono/zod-openapi";
import { enableRecordsetMapMode } from "../../../core/recordsets/enable-recordset-map-mode.ts";
import { toGisBackfillJobJson } from "../../../core/recordsets/recordset-map-backfill.ts";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { EnableMapModeBody, MapModeJobSchema, toMapping } from "./map-schemas.ts";
import { RecordsetIdParams } from "./schemas.ts";

export const enableRecordsetMapModeRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/{recordset_id}/enable-map",
  operationId: "enableRecordsetMapMode",
  tags: ["Recordsets"],
  summary: "Enable map mode and queue a GIS backfill job",
  description:
    "Stores where records' geometry comes from (`lat_field` and `lng_field`, two number fields, or `field`, a lat_lng or geometry field; 422 otherwise), sets the mode to `map`, and queues a `recordsets.gis-backfill` job in the same transaction. The job fills `promoted_gis_1` of existing records in batches of 5,000 (coordinates out of range give no geometry) and reports its progress; new and updated records get theirs on write. Returns the queued job. Requires `can_admin` on the recordset.",
  auth: "user",
  request: { params: RecordsetIdParams, ...jsonBody(EnableMapModeBody) },
  responses: { 200: jsonContent(MapModeJobSchema, "The queued backfill job") },
});

export function registerEnableRecordsetMapMode(app: OpenAPIHono<AppEnv>): void {
  app.openapi(enableRecordsetMapModeRoute, async (c) => {
    const { recordset_id } = c.req.valid("param");
    const { recordset, job } = await enableRecordsetMapMode(c.get("services"), c.get("actor"), { recordsetId: recordset_id, mapping: toMapping(c.req.valid("json")) });
    const json = toRecordsetJson(recordset);
    return c.json({ ...toGisBackfillJobJson(job), recordset_id: json.id, mode: json.mode, gis_source: json.gis_source }, 200);
  });
}
