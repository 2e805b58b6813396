import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteTeam } from "../../../core/teams/delete-team.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { TeamIdParams } from "./schemas.ts";

export const deleteTeamRoute = defineRoute({
  method: "delete",
  path: "/api/v1/teams/{team_id}",
  operationId: "deleteTeam",
  tags: ["Teams"],
  summary: "Delete a team",
  description:
    "Deletes the team and its memberships. Its sub-teams are kept and move up to the deleted team's parent. Requires `can_delete_team`.",
  auth: "user",
  request: { params: TeamIdParams },
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteTeam(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteTeamRoute, async (c) => {
    const { team_id } = c.req.valid("param");
    await deleteTeam(c.get("services"), c.get("actor"), { teamId: team_id });
    return c.body(null, 204);
  });
}
