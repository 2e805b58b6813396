import type { OpenAPIHono } from "@hono/zod-openapi";
import { softDeleteRecordset } from "../../../core/recordsets/soft-delete-recordset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { RecordsetIdParams } from "../recordsets/schemas.ts";

export const crudDeleteRecordsetRoute = defineRoute({
  method: "delete",
  path: "/api/v1/crud/recordsets/{recordset_id}",
  operationId: "crudDeleteRecordset",
  tags: ["CRUD - Recordsets"],
  summary: "Delete a recordset and its records (CRUD)",
  description:
    "Deletes the recordset together with its records by moving both to the trash, so nothing is lost by mistake: they leave every list at once, a workspace admin can restore them (`POST /recordsets/trash/{recordset_slug}/restore`) for 30 days, after which a daily job deletes them for good (or `DELETE /recordsets/trash/{recordset_slug}` does it now). 404 when the recordset does not exist or is already trashed. Requires `can_admin` on the recordset.",
  auth: "user",
  request: { params: RecordsetIdParams },
  responses: { 204: { description: "Moved to the trash with its records" } },
});

export function registerCrudDeleteRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(crudDeleteRecordsetRoute, async (c) => {
    await softDeleteRecordset(c.get("services"), c.get("actor"), { id: c.req.valid("param").recordset_id });
    return c.body(null, 204);
  });
}
