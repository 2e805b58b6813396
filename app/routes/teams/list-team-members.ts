import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listTeamMembers } from "../../../core/teams/list-team-members.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TeamIdParams, TeamMemberSchema } from "./schemas.ts";

export const listTeamMembersRoute = defineRoute({
  method: "get",
  path: "/api/v1/teams/{team_id}/members",
  operationId: "listTeamMembers",
  tags: ["Teams"],
  summary: "List members of a team",
  description: "The team's members with their team role, leads first. Requires `can_view_team`.",
  auth: "user",
  request: { params: TeamIdParams },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(TeamMemberSchema), total: z.number().int().openapi({ example: 4 }) }).openapi("TeamMemberList"),
      "The team's members",
    ),
  },
});

export function registerListTeamMembers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listTeamMembersRoute, async (c) => {
    const { team_id } = c.req.valid("param");
    return c.json(await listTeamMembers(c.get("services"), c.get("actor"), { teamId: team_id }), 200);
  });
}
