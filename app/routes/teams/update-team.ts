import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateTeam } from "../../../core/teams/update-team.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { teamFields, TeamIdParams, TeamSchema } from "./schemas.ts";

export const updateTeamRoute = defineRoute({
  method: "put",
  path: "/api/v1/teams/{team_id}",
  operationId: "updateTeam",
  tags: ["Teams"],
  summary: "Update a team",
  description:
    "Changes the given fields. `parent_team_id: null` moves the team to the top level; a parent that is the team itself or one of its sub-teams is refused (422). Requires `can_edit_team`.",
  auth: "user",
  errors: [409],
  request: {
    params: TeamIdParams,
    body: { required: true, content: { "application/json": { schema: z.object({ ...teamFields, name: teamFields.name.optional() }).openapi("UpdateTeam") } } },
  },
  responses: { 200: jsonContent(TeamSchema, "The updated team") },
});

export function registerUpdateTeam(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateTeamRoute, async (c) => {
    const { team_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const team = await updateTeam(c.get("services"), c.get("actor"), {
      teamId: team_id,
      patch: { name: body.name, description: body.description, parentTeamId: body.parent_team_id, isActive: body.is_active },
    });
    return c.json(team, 200);
  });
}
