import type { OpenAPIHono } from "@hono/zod-openapi";
import { grantRecordsetAccess } from "../../../core/recordsets/grant-recordset-access.ts";
import { toGrantJson } from "../../../core/recordsets/recordset-view.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { jsonBody } from "../workspaces/schemas.ts";
import { flagsOf, GrantRecordsetAccessBody, RecordsetAccessGrantSchema } from "./access-schemas.ts";
import { RecordsetSlugParams } from "./schemas.ts";

export const grantRecordsetAccessRoute = defineRoute({
  method: "post",
  path: "/api/v1/recordsets/{recordset_slug}/access",
  operationId: "grantRecordsetAccess",
  tags: ["Recordsets"],
  summary: "Grant a member or team access to a recordset",
  description:
    "Grants flags to exactly one of `member_id` (an active member of the workspace) or `team_id` (422 when both or neither; 404 for an unknown member or team; 422 for a deactivated member). A second grant to the same member or team replaces the first. Flags left out are false except `can_view`; workspace viewers never write whatever their grant says. Requires `can_admin` on the recordset.",
  auth: "user",
  request: { params: RecordsetSlugParams, ...jsonBody(GrantRecordsetAccessBody) },
  responses: { 201: jsonContent(RecordsetAccessGrantSchema, "The grant") },
});

export function registerGrantRecordsetAccess(app: OpenAPIHono<AppEnv>): void {
  app.openapi(grantRecordsetAccessRoute, async (c) => {
    const { recordset_slug } = c.req.valid("param");
    const body = c.req.valid("json");
    const grant = await grantRecordsetAccess(c.get("services"), c.get("actor"), { slug: recordset_slug, memberId: body.member_id, teamId: body.team_id, flags: flagsOf(body) });
    return c.json(toGrantJson(grant), 201);
  });
}
