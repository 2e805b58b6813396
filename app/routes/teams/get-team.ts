import type { OpenAPIHono } from "@hono/zod-openapi";
import { getTeam } from "../../../core/teams/get-team.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TeamIdParams, TeamSchema } from "./schemas.ts";

export const getTeamRoute = defineRoute({
  method: "get",
  path: "/api/v1/teams/{team_id}",
  operationId: "getTeam",
  tags: ["Teams"],
  summary: "Get a team",
  description: "One team of the current workspace. Requires `can_view_team`.",
  auth: "user",
  request: { params: TeamIdParams },
  responses: { 200: jsonContent(TeamSchema, "The team") },
});

export function registerGetTeam(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getTeamRoute, async (c) => {
    const { team_id } = c.req.valid("param");
    return c.json(await getTeam(c.get("services"), c.get("actor"), { teamId: team_id }), 200);
  });
}
