import { type OpenAPIHono } from "@hono/zod-openapi";
import { updateCurrentUser } from "../../../core/accounts/update-current-user.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { profilePatch, ProfileFieldsSchema, toUser, UserSchema } from "./account-schemas.ts";

const UpdateCurrentUserBodySchema = ProfileFieldsSchema.strict().openapi("UpdateCurrentUserRequest");

export const updateCurrentUserRoute = defineRoute({
  method: "put",
  path: "/api/v1/auth/me",
  operationId: "updateCurrentUser",
  tags: ["Authentication"],
  summary: "Update the current user profile",
  description:
    "Changes only the fields sent (`full_name`, `title`, `phone`, `bio`, `avatar_url`); `null` clears an optional field. The email is not changed here. Unknown fields answer 422.",
  auth: "user-global",
  request: { body: { required: true, content: { "application/json": { schema: UpdateCurrentUserBodySchema } } } },
  responses: { 200: jsonContent(UserSchema, "The updated user") },
});

export function registerUpdateCurrentUser(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateCurrentUserRoute, async (c) => {
    const account = await updateCurrentUser(
      accountDeps(c.get("services")),
      c.get("actor"),
      profilePatch(c.req.valid("json")),
    );
    return c.json(toUser(account), 200);
  });
}
