import type { OpenAPIHono } from "@hono/zod-openapi";
import { listRecordsetAccessGrants } from "../../../core/recordsets/list-recordset-access-grants.ts";
import { toGrantJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { RecordsetAccessGrantListSchema } from "./access-schemas.ts";
import { RecordsetSlugParams } from "./schemas.ts";

export const listRecordsetAccessGrantsRoute = defineRoute({
  method: "get",
  path: "/api/v1/recordsets/{recordset_slug}/access",
  operationId: "listRecordsetAccessGrants",
  tags: ["Recordsets"],
  summary: "List member and team access grants on a recordset",
  description:
    "Every grant on the recordset, to members and to teams, oldest first. Workspace admins and owners and the recordset's creator have full access without a grant. Requires `can_admin` on the recordset.",
  auth: "user",
  request: { params: RecordsetSlugParams },
  responses: { 200: jsonContent(RecordsetAccessGrantListSchema, "The grants") },
});

export function registerListRecordsetAccessGrants(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRecordsetAccessGrantsRoute, async (c) => {
    const { recordset_slug } = c.req.valid("param");
    const grants = await listRecordsetAccessGrants(c.get("services"), c.get("actor"), { slug: recordset_slug });
    return c.json({ items: grants.map(toGrantJson), total: grants.length }, 200);
  });
}
