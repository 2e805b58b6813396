import type { OpenAPIHono } from "@hono/zod-openapi";
import { permanentlyDeleteRecordset } from "../../../core/recordsets/permanently-delete-recordset.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { RecordsetSlugParams } from "./schemas.ts";

export const permanentlyDeleteRecordsetRoute = defineRoute({
  method: "delete",
  path: "/api/v1/recordsets/trash/{recordset_slug}",
  operationId: "permanentlyDeleteRecordset",
  tags: ["Recordsets"],
  summary: "Permanently delete a recordset and all its records",
  description:
    "Deletes a trashed recordset with its records, versions, comments, attachments rows, grants and views; this cannot be undone. Only a recordset in the trash can be deleted this way (404 otherwise): move it there first with `DELETE /recordsets/{recordset_slug}`. Workspace admins and owners only.",
  auth: "user",
  request: { params: RecordsetSlugParams },
  responses: { 204: { description: "Deleted for good" } },
});

export function registerPermanentlyDeleteRecordset(app: OpenAPIHono<AppEnv>): void {
  app.openapi(permanentlyDeleteRecordsetRoute, async (c) => {
    await permanentlyDeleteRecordset(c.get("services"), c.get("actor"), { slug: c.req.valid("param").recordset_slug });
    return c.body(null, 204);
  });
}
