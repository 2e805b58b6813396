import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRecordsetPipeline } from "../../../core/recordsets/create-recordset-pipeline.ts";
import { toPipelineJson } from "../../../core/recordsets/recordset-pipeline-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { CreateRecordsetPipelineBody, RecordsetPipelineSchema, toStageInputs } from "./pipeline-schemas.ts";
import { RecordsetIdParams } from "./schemas.ts";

export const createRecordsetPipelineRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/{recordset_id}/pipeline",
  operationId: "createRecordsetPipeline",
  tags: ["Recordsets"],
  summary: "Create a pipeline for a recordset",
  description:
    "Attaches a pipeline (a name and 1 to 50 stages with unique names; ids are generated where left out, `order` defaults to the position) to the recordset. One pipeline per recordset: 409 when it has one. 404 when the recordset does not exist. Requires `can_admin` on the recordset.",
  auth: "user",
  errors: [409],
  request: { params: RecordsetIdParams, ...jsonBody(CreateRecordsetPipelineBody) },
  responses: { 201: jsonContent(RecordsetPipelineSchema, "The pipeline") },
});

export function registerCreateRecordsetPipeline(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createRecordsetPipelineRoute, async (c) => {
    const { recordset_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const pipeline = await createRecordsetPipeline(c.get("services"), c.get("actor"), { recordsetId: recordset_id, name: body.name, stages: toStageInputs(body) });
    return c.json(toPipelineJson(pipeline), 201);
  });
}
