import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { addTeamMember } from "../../../core/teams/add-team-member.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TeamIdParams, TeamMemberSchema, TeamRoleSchema } from "./schemas.ts";

export const addTeamMemberRoute = defineRoute({
  method: "post",
  path: "/api/v1/teams/{team_id}/members",
  operationId: "addTeamMember",
  tags: ["Teams"],
  summary: "Add a member to a team",
  description:
    "Adds a member of this workspace to the team (404 for an unknown team or a user outside the workspace; 409 when already in the team). Requires `can_edit_team`.",
  auth: "user",
  errors: [409],
  request: {
    params: TeamIdParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              member_id: z.uuid().openapi({ description: "The member's user id", example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a11" }),
              role: TeamRoleSchema.default("member"),
            })
            .openapi("AddTeamMember"),
        },
      },
    },
  },
  responses: { 201: jsonContent(TeamMemberSchema, "The team membership") },
});

export function registerAddTeamMember(app: OpenAPIHono<AppEnv>): void {
  app.openapi(addTeamMemberRoute, async (c) => {
    const { team_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const membership = await addTeamMember(c.get("services"), c.get("actor"), { teamId: team_id, memberId: body.member_id, role: body.role });
    return c.json(membership, 201);
  });
}
