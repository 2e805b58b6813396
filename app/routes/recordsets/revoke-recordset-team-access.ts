import type { OpenAPIHono } from "@hono/zod-openapi";
import { revokeRecordsetAccess } from "../../../core/recordsets/revoke-recordset-access.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { RecordsetTeamParams } from "./access-schemas.ts";

export const revokeRecordsetTeamAccessRoute = defineRoute({
  method: "delete",
  path: "/api/v1/recordsets/{recordset_slug}/access/teams/{team_id}",
  operationId: "revokeRecordsetTeamAccess",
  tags: ["Recordsets"],
  summary: "Revoke a team's access to a recordset",
  description: "Removes the team's grant (404 when it has none). Requires `can_admin` on the recordset.",
  auth: "user",
  request: { params: RecordsetTeamParams },
  responses: { 204: { description: "Revoked" } },
});

export function registerRevokeRecordsetTeamAccess(app: OpenAPIHono<AppEnv>): void {
  app.openapi(revokeRecordsetTeamAccessRoute, async (c) => {
    const { recordset_slug, team_id } = c.req.valid("param");
    await revokeRecordsetAccess(c.get("services"), c.get("actor"), { slug: recordset_slug, who: { teamId: team_id } });
    return c.body(null, 204);
  });
}
