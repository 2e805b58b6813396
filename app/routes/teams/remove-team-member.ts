import type { OpenAPIHono } from "@hono/zod-openapi";
import { removeTeamMember } from "../../../core/teams/remove-team-member.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { TeamMemberParams } from "./schemas.ts";

export const removeTeamMemberRoute = defineRoute({
  method: "delete",
  path: "/api/v1/teams/{team_id}/members/{member_id}",
  operationId: "removeTeamMember",
  tags: ["Teams"],
  summary: "Remove a member from a team",
  description: "Takes the member out of the team (404 when not in it). Requires `can_edit_team`.",
  auth: "user",
  request: { params: TeamMemberParams },
  responses: { 204: { description: "Removed from the team" } },
});

export function registerRemoveTeamMember(app: OpenAPIHono<AppEnv>): void {
  app.openapi(removeTeamMemberRoute, async (c) => {
    const { team_id, member_id } = c.req.valid("param");
    await removeTeamMember(c.get("services"), c.get("actor"), { teamId: team_id, memberId: member_id });
    return c.body(null, 204);
  });
}
