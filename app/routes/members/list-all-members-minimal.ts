import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listAllMembersMinimal } from "../../../core/members/list-all-members-minimal.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MemberSchema } from "./schemas.ts";

const MinimalMemberSchema = MemberSchema.pick({ id: true, email: true, full_name: true, display_name: true, avatar_url: true, role: true }).openapi(
  "MinimalMember",
);

export const listAllMembersMinimalRoute = defineRoute({
  method: "get",
  path: "/api/v1/members/all",
  operationId: "listAllMembersMinimal",
  tags: ["Members"],
  summary: "List all active members with minimal fields",
  description:
    "Every active member, unpaginated, with the fields pickers and @mentions need. Cached per workspace and refreshed on every member change. Requires `can_view_member`.",
  auth: "user",
  responses: {
    200: jsonContent(
      z.object({ items: z.array(MinimalMemberSchema), total: z.number().int().openapi({ example: 12 }) }).openapi("MinimalMemberList"),
      "Every active member",
    ),
  },
});

export function registerListAllMembersMinimal(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listAllMembersMinimalRoute, async (c) => {
    return c.json(await listAllMembersMinimal(c.get("services"), c.get("actor")), 200);
  });
}
