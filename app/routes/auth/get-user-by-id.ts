import { type OpenAPIHono } from "@hono/zod-openapi";
import { getUser } from "../../../core/accounts/get-user.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { toUser, UserIdParamsSchema, UserSchema } from "./account-schemas.ts";

export const getUserByIdRoute = defineRoute({
  method: "get",
  path: "/api/v1/auth/{user_id}",
  operationId: "getUserById",
  tags: ["Authentication"],
  summary: "Get a user by ID",
  description:
    "Another user's profile (or one's own). The caller must share a workspace with the user where the caller's role is the same as or higher than the user's (owner > admin > member > viewer), else 403. Unknown user: 404.",
  auth: "user-global",
  errors: [403, 404],
  request: { params: UserIdParamsSchema },
  responses: { 200: jsonContent(UserSchema, "The user") },
});

export function registerGetUserById(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getUserByIdRoute, async (c) => {
    const account = await getUser(accountDeps(c.get("services")), c.get("actor"), c.req.valid("param").user_id);
    return c.json(toUser(account), 200);
  });
}
