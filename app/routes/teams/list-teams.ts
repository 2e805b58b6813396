import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listTeams } from "../../../core/teams/list-teams.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TeamSchema } from "./schemas.ts";

export const listTeamsRoute = defineRoute({
  method: "get",
  path: "/api/v1/teams",
  operationId: "listTeams",
  tags: ["Teams"],
  summary: "List teams in the workspace",
  description: "Every team with its member count, by name. Requires `can_view_team`.",
  auth: "user",
  request: {
    query: z.object({
      search: z.string().trim().max(200).optional().openapi({ description: "Matches the name, case-insensitive", example: "acq" }),
      is_active: z.enum(["true", "false"]).optional().openapi({ description: "Only active or only inactive teams" }),
      parent_team_id: z.uuid().optional().openapi({ description: "Only the direct sub-teams of this team" }),
    }),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(TeamSchema), total: z.number().int().openapi({ example: 3 }) }).openapi("TeamList"), "The teams"),
  },
});

export function registerListTeams(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listTeamsRoute, async (c) => {
    const q = c.req.valid("query");
    const teams = await listTeams(c.get("services"), c.get("actor"), {
      search: q.search || undefined,
      isActive: q.is_active === undefined ? undefined : q.is_active === "true",
      parentTeamId: q.parent_team_id,
    });
    return c.json(teams, 200);
  });
}
