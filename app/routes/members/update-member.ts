import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateMember } from "../../../core/members/update-member.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { GrantableRole, MemberIdParams, MemberProfileFields, MemberSchema, profilePatch } from "./schemas.ts";

const UpdateMemberBody = z
  .object({
    role: GrantableRole.optional(),
    is_active: z.boolean().optional().openapi({ description: "false suspends the member's access without removing them", example: true }),
    ...MemberProfileFields,
  })
  .openapi("UpdateMember");

export const updateMemberRoute = defineRoute({
  method: "put",
  path: "/api/v1/members/{member_id}",
  operationId: "updateMember",
  tags: ["Members"],
  summary: "Update a member",
  description:
    "Members may edit their own profile fields. Role, active state and other members' fields need `can_edit_member` and a role at least the member's (an admin cannot change an owner). The owner role is neither given nor taken here (409).",
  auth: "user",
  errors: [409],
  request: { params: MemberIdParams, body: { required: true, content: { "application/json": { schema: UpdateMemberBody } } } },
  responses: { 200: jsonContent(MemberSchema, "The updated member") },
});

export function registerUpdateMember(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateMemberRoute, async (c) => {
    const { member_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const member = await updateMember(c.get("services"), c.get("actor"), {
      memberId: member_id,
      role: body.role,
      isActive: body.is_active,
      profile: profilePatch(body),
    });
    return c.json(member, 200);
  });
}
