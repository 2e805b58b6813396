import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getCurrentUser } from "../../../core/accounts/get-current-user.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { toMembership, toUser, UserWithMembershipSchema } from "./account-schemas.ts";

const GetCurrentUserQuerySchema = z.object({
  workspace_id: z
    .uuid()
    .optional()
    .openapi({ param: { name: "workspace_id", in: "query" }, description: "Also return the membership in this workspace (404 when not a member)." }),
});

export const getCurrentUserRoute = defineRoute({
  method: "get",
  path: "/api/v1/auth/me",
  operationId: "getCurrentUser",
  tags: ["Authentication"],
  summary: "Get the authenticated user",
  description:
    "The current user's profile. With `workspace_id`, `member` holds the user's membership there (role, status); a workspace the user is not in answers 404.",
  auth: "user-global",
  errors: [404],
  request: { query: GetCurrentUserQuerySchema },
  responses: { 200: jsonContent(UserWithMembershipSchema, "The current user") },
});

export function registerGetCurrentUser(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getCurrentUserRoute, async (c) => {
    const { workspace_id } = c.req.valid("query");
    const result = await getCurrentUser(accountDeps(c.get("services")), c.get("actor"), {
      ...(workspace_id ? { workspaceId: workspace_id } : {}),
    });
    return c.json({ ...toUser(result.account), member: result.membership ? toMembership(result.membership) : null }, 200);
  });
}
