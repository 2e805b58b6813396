import type { OpenAPIHono } from "@hono/zod-openapi";
import { getMyRecordsetPermissions } from "../../../core/recordsets/get-my-recordset-permissions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MyRecordsetPermissionsSchema } from "./access-schemas.ts";
import { RecordsetSlugParams } from "./schemas.ts";

export const getMyRecordsetPermissionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/{recordset_slug}/permissions/me",
  operationId: "getMyRecordsetPermissions",
  tags: ["Recordsets"],
  summary: "Get the current user's permissions on a recordset",
  description:
    "The caller's effective flags: all for workspace admins and owners and the recordset's creator, otherwise the union of their own and their teams' grants (all false without one; viewers never write). Any workspace member may call it; 404 only when no recordset has the slug.",
  auth: "user",
  request: { params: RecordsetSlugParams },
  responses: { 200: jsonContent(MyRecordsetPermissionsSchema, "The caller's flags") },
});

export function registerGetMyRecordsetPermissions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getMyRecordsetPermissionsRoute, async (c) => {
    const { recordset_slug } = c.req.valid("param");
    const { recordset, flags } = await getMyRecordsetPermissions(c.get("services"), c.get("actor"), { slug: recordset_slug });
    return c.json({ recordset_id: recordset.id, recordset_slug: recordset.slug, ...flags }, 200);
  });
}
