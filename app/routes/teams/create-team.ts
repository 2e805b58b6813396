import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { createTeam } from "../../../core/teams/create-team.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { teamFields, TeamSchema } from "./schemas.ts";

export const createTeamRoute = defineRoute({
  method: "post",
  path: "/api/v1/teams",
  operationId: "createTeam",
  tags: ["Teams"],
  summary: "Create a team",
  description:
    "Creates a team, optionally nested under `parent_team_id` (404 when that team is not in this workspace). Names are unique per workspace, ignoring case (409). Requires `can_create_team`.",
  auth: "user",
  errors: [409],
  request: { body: { required: true, content: { "application/json": { schema: z.object(teamFields).openapi("CreateTeam") } } } },
  responses: { 201: jsonContent(TeamSchema, "The created team") },
});

export function registerCreateTeam(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createTeamRoute, async (c) => {
    const body = c.req.valid("json");
    const team = await createTeam(c.get("services"), c.get("actor"), {
      name: body.name,
      description: body.description,
      parentTeamId: body.parent_team_id,
      isActive: body.is_active,
    });
    return c.json(team, 201);
  });
}
