import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateUser } from "../../../core/accounts/update-user.ts";
import { roles } from "../../../core/auth/actor.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import {
  EmailSchema,
  profilePatch,
  ProfileFieldsSchema,
  toMembership,
  toUser,
  UserIdParamsSchema,
  UserWithMembershipSchema,
} from "./account-schemas.ts";

const UpdateUserBodySchema = ProfileFieldsSchema.extend({
  email: EmailSchema.optional(),
  role: z.enum(roles).optional().openapi({
    description: "New role in the workspace named by `X-Workspace-Id` (required with `role`).",
    example: "member",
  }),
})
  .strict()
  .openapi("UpdateUserRequest");

const UpdateUserHeadersSchema = z.object({
  "x-workspace-id": z.uuid().optional().openapi({
    param: { name: "x-workspace-id", in: "header" },
    description: "The workspace a `role` change applies to; with it, only that workspace grants access.",
  }),
});

export const updateUserRoute = defineRoute({
  method: "put",
  path: "/api/v1/auth/{user_id}",
  operationId: "updateUser",
  tags: ["Authentication"],
  summary: "Update a user profile by ID",
  description:
    "Updates `name`/`full_name`, `email`, `title`, `phone`, `bio`, `avatar_url` and `role`. The caller must be an admin or owner of a workspace shared with the user, with a role the same as or higher than the user's there (an admin cannot edit an owner), else 403. A `role` change applies to the workspace in `X-Workspace-Id` only; nobody can grant a role above their own or change their own role. An email used by another account answers 409. Unknown user: 404.",
  auth: "user-global",
  errors: [403, 404, 409],
  request: {
    params: UserIdParamsSchema,
    headers: UpdateUserHeadersSchema,
    body: { required: true, content: { "application/json": { schema: UpdateUserBodySchema } } },
  },
  responses: {
    200: jsonContent(UserWithMembershipSchema, "The updated user; `member` is their membership in `X-Workspace-Id` when sent"),
  },
});

export function registerUpdateUser(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateUserRoute, async (c) => {
    const body = c.req.valid("json");
    const workspaceId = c.req.valid("header")["x-workspace-id"];
    const result = await updateUser(accountDeps(c.get("services")), c.get("actor"), {
      userId: c.req.valid("param").user_id,
      patch: { ...profilePatch(body), ...(body.email !== undefined ? { email: body.email } : {}) },
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(workspaceId !== undefined ? { workspaceId } : {}),
    });
    return c.json({ ...toUser(result.account), member: result.membership ? toMembership(result.membership) : null }, 200);
  });
}
