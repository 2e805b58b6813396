import type { OpenAPIHono } from "@hono/zod-openapi";
import { getRecordsetPipeline } from "../../../core/recordsets/get-recordset-pipeline.ts";
import { toPipelineJson } from "../../../core/recordsets/recordset-pipeline-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetPipelineSchema } from "./pipeline-schemas.ts";
import { RecordsetIdParams } from "./schemas.ts";

export const getRecordsetPipelineRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/{recordset_id}/pipeline",
  operationId: "getRecordsetPipeline",
  tags: ["Recordsets"],
  summary: "Get the pipeline attached to a recordset",
  description: "The recordset's pipeline with its stages in board order; 404 when the recordset or its pipeline does not exist. Requires `can_view` on the recordset.",
  auth: "user",
  request: { params: RecordsetIdParams },
  responses: { 200: jsonContent(RecordsetPipelineSchema, "The pipeline") },
});

export function registerGetRecordsetPipeline(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRecordsetPipelineRoute, async (c) => {
    const { recordset_id } = c.req.valid("param");
    return c.json(toPipelineJson(await getRecordsetPipeline(c.get("services"), c.get("actor"), { recordsetId: recordset_id })), 200);
  });
}
