import type { OpenAPIHono } from "@hono/zod-openapi";
import { restoreRecordset } from "../../../core/recordsets/restore-recordset.ts";
import { toRecordsetJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetSchema, RecordsetSlugParams } from "./schemas.ts";

export const restoreRecordsetRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/trash/{recordset_slug}/restore",
  operationId: "restoreRecordset",
  tags: ["Recordsets"],
  summary: "Restore a trashed recordset",
  description:
    "Takes the recordset out of the trash (`is_active=true`, `deleted_at` cleared) with its records, grants and views, under the same slug. 404 when no trashed recordset has the slug. Workspace admins and owners only.",
  auth: "user",
  request: { params: RecordsetSlugParams },
  responses: { 200: jsonContent(RecordsetSchema, "The restored recordset") },
});

export function registerRestoreRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(restoreRecordsetRoute, async (c) => {
    const recordset = await restoreRecordset(c.get("services"), c.get("actor"), { slug: c.req.valid("param").recordset_slug });
    return c.json(toRecordsetJson(recordset), 200);
  });
}
