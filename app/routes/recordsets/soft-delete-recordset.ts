import type { OpenAPIHono } from "@hono/zod-openapi";
import { softDeleteRecordset } from "../../../core/recordsets/soft-delete-recordset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { RecordsetSlugParams } from "./schemas.ts";

export const softDeleteRecordsetRoute = defineRoute({
  method: "delete",
  path: "/api/v1/recordsets/{recordset_slug}",
  operationId: "softDeleteRecordset",
  tags: ["Recordsets"],
  summary: "Move a recordset to trash",
  description:
    "Soft delete: sets `is_active=false` and `deleted_at`; records are kept. The recordset then appears in `GET /recordsets/trash`, can be restored by a workspace admin, and is purged with its records 30 days later. Its slug stays reserved meanwhile. Requires `can_admin` on the recordset.",
  auth: "user",
  request: { params: RecordsetSlugParams },
  responses: { 204: { description: "Moved to the trash" } },
});

export function registerSoftDeleteRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(softDeleteRecordsetRoute, async (c) => {
    await softDeleteRecordset(c.get("services"), c.get("actor"), { slug: c.req.valid("param").recordset_slug });
    return c.body(null, 204);
  });
}
