import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { createMember } from "../../../core/members/create-member.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { CreatedMemberSchema, GrantableRole, MemberProfileFields, profilePatch } from "./schemas.ts";

const CreateMemberBody = z
  .object({
    email: z.email().max(320).openapi({ example: "ada@example.com" }),
    role: GrantableRole,
    name: z.string().trim().min(1).max(200).optional().openapi({ description: "Full name for a new account", example: "Ada Lovelace" }),
    ...MemberProfileFields,
  })
  .openapi("CreateMember");

export const createMemberRoute = defineRoute({
  method: "post",
  path: "/api/v1/members",
  operationId: "createMember",
  tags: ["Members"],
  summary: "Create a member (add a user to the workspace)",
  description:
    "Adds the user with this email (creating an account without a password when there is none) to the workspace with the given role, and creates their member record. Requires `can_create_member`; the role may not exceed the caller's. 409 when already a member.",
  auth: "user",
  errors: [409],
  request: { body: { required: true, content: { "application/json": { schema: CreateMemberBody } } } },
  responses: { 201: jsonContent(CreatedMemberSchema, "The new member") },
});

export function registerCreateMember(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createMemberRoute, async (c) => {
    const body = c.req.valid("json");
    const services = c.get("services");
    const member = await createMember({ ...services, publicUrl: services.config.PUBLIC_URL }, c.get("actor"), {
      email: body.email,
      role: body.role,
      fullName: body.name,
      profile: profilePatch(body),
    });
    return c.json(member, 201);
  });
}
