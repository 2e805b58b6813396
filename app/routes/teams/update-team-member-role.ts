import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateTeamMemberRole } from "../../../core/teams/update-team-member-role.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TeamMemberParams, TeamMemberSchema, TeamRoleSchema } from "./schemas.ts";

export const updateTeamMemberRoleRoute = defineRoute({
  method: "put",
  path: "/api/v1/teams/{team_id}/members/{member_id}",
  operationId: "updateTeamMemberRole",
  tags: ["Teams"],
  summary: "Update a team member's role",
  description: "Makes the member a `lead` or a plain `member` of the team (404 when not in the team). Requires `can_edit_team`.",
  auth: "user",
  request: {
    params: TeamMemberParams,
    body: { required: true, content: { "application/json": { schema: z.object({ role: TeamRoleSchema }).openapi("UpdateTeamMemberRole") } } },
  },
  responses: { 200: jsonContent(TeamMemberSchema, "The updated team membership") },
});

export function registerUpdateTeamMemberRole(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateTeamMemberRoleRoute, async (c) => {
    const { team_id, member_id } = c.req.valid("param");
    const { role } = c.req.valid("json");
    return c.json(await updateTeamMemberRole(c.get("services"), c.get("actor"), { teamId: team_id, memberId: member_id, role }), 200);
  });
}
