import type { OpenAPIHono } from "@hono/zod-openapi";
import { listTrashedRecordsets } from "../../../core/recordsets/list-trashed-recordsets.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { PageQuerySchema } from "../workspaces/schemas.ts";
import { RecordsetListSchema, toRecordsetPageJson } from "./schemas.ts";

export const listTrashedRecordsetsRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/trash",
  operationId: "listTrashedRecordsets",
  tags: ["Recordsets"],
  summary: "List soft-deleted (trashed) recordsets",
  description:
    "Recordsets in the trash, most recently trashed first (`deleted_at` says when). A daily job deletes those trashed more than 30 days ago, records included. `search` matches the name, slug or description. Workspace admins and owners only.",
  auth: "user",
  request: { query: PageQuerySchema },
  responses: { 200: jsonContent(RecordsetListSchema, "A page of trashed recordsets") },
});

export function registerListTrashedRecordsets(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listTrashedRecordsetsRoute, async (c) => {
    const q = c.req.valid("query");
    const page = await listTrashedRecordsets(c.get("services"), c.get("actor"), { page: q.page, pageSize: q.page_size, search: q.search || undefined });
    return c.json(toRecordsetPageJson(page), 200);
  });
}
