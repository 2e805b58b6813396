import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listMembers } from "../../../core/members/list-members.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MemberSchema } from "./schemas.ts";

const MemberPageSchema = z
  .object({
    items: z.array(MemberSchema),
    total: z.number().int().openapi({ description: "Members matching the filters", example: 12 }),
    skip: z.number().int().openapi({ example: 0 }),
    limit: z.number().int().openapi({ example: 50 }),
  })
  .openapi("MemberPage");

export const listMembersRoute = defineRoute({
  method: "get",
  path: "/api/v1/members",
  operationId: "listMembers",
  tags: ["Members"],
  summary: "List workspace members (paginated)",
  description:
    "The current workspace's members, by name: each platform membership joined with the member's workspace record. Removed members never appear. Requires `can_view_member`.",
  auth: "user",
  request: {
    query: z.object({
      search: z.string().trim().max(200).optional().openapi({ description: "Matches name or email, case-insensitive", example: "ada" }),
      is_active: z.enum(["true", "false"]).optional().openapi({ description: "Only active (`true`) or only inactive (`false`) members" }),
      skip: z.coerce.number().int().min(0).default(0).openapi({ example: 0 }),
      limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
    }),
  },
  responses: { 200: jsonContent(MemberPageSchema, "A page of members") },
});

export function registerListMembers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listMembersRoute, async (c) => {
    const q = c.req.valid("query");
    const page = await listMembers(c.get("services"), c.get("actor"), {
      search: q.search || undefined,
      isActive: q.is_active === undefined ? undefined : q.is_active === "true",
      skip: q.skip,
      limit: q.limit,
    });
    return c.json(page, 200);
  });
}
