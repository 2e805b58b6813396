import type { OpenAPIHono } from "@hono/zod-openapi";
import { listRecordsets } from "../../../core/recordsets/list-recordsets.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetListQuery, RecordsetListSchema, toListInput, toRecordsetPageJson } from "./schemas.ts";

export const listRecordsetsRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets",
  operationId: "listRecordsets",
  tags: ["Recordsets"],
  summary: "List recordsets the current user can access",
  description:
    "The recordsets (not trashed) the caller can see, by name, each with its record count. Workspace admins and owners see all; others see the ones they created and those granted to them directly or through a team. Before listing, each registered recordset source (an actively connected integration) creates the recordsets it is missing; no integration registers one yet.",
  auth: "user",
  request: { query: RecordsetListQuery },
  responses: { 200: jsonContent(RecordsetListSchema, "A page of recordsets") },
});

export function registerListRecordsets(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordsetsRoute, async (c) => {
    const page = await listRecordsets(c.get("services"), c.get("actor"), toListInput(c.req.valid("query")));
    return c.json(toRecordsetPageJson(page), 200);
  });
}
