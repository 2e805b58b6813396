import type { OpenAPIHono } from "@hono/zod-openapi";
import { revokeRecordsetAccess } from "../../../core/recordsets/revoke-recordset-access.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { RecordsetMemberParams } from "./access-schemas.ts";

export const revokeRecordsetMemberAccessRoute = defineRoute({
  method: "delete",
  path: "/api/v1/recordsets/{recordset_slug}/access/members/{member_id}",
  operationId: "revokeRecordsetMemberAccess",
  tags: ["Recordsets"],
  summary: "Revoke a member's access to a recordset",
  description:
    "Removes the member's own grant (404 when they have none). What their teams are granted still applies. Requires `can_admin` on the recordset.",
  auth: "user",
  request: { params: RecordsetMemberParams },
  responses: { 204: { description: "Revoked" } },
});

export function registerRevokeRecordsetMemberAccess(app: OpenAPIHono<AppEnv>): void {
  app.openapi(revokeRecordsetMemberAccessRoute, async (c) => {
    const { recordset_slug, member_id } = c.req.valid("param");
    await revokeRecordsetAccess(c.get("services"), c.get("actor"), { slug: recordset_slug, who: { memberId: member_id } });
    return c.body(null, 204);
  });
}
