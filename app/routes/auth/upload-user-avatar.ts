import { type OpenAPIHono } from "@hono/zod-openapi";
import { uploadAvatar } from "../../../core/accounts/upload-avatar.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { AvatarUploadSchema, toUser, UserIdParamsSchema, UserSchema } from "./account-schemas.ts";

export const uploadUserAvatarRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/{user_id}/avatar",
  operationId: "uploadUserAvatar",
  tags: ["Authentication"],
  summary: "Upload a profile picture for another user",
  description:
    "Same file rules as `POST /auth/me/avatar`. The caller must be an admin or owner of a workspace shared with the user, with a role the same as or higher than theirs, else 403; unknown user 404. Stored at `ws/<that workspace id>/profile-image/<uuid>.<ext>`.",
  auth: "user-global",
  errors: [403, 404, 413, 415],
  request: {
    params: UserIdParamsSchema,
    body: { required: true, content: { "multipart/form-data": { schema: AvatarUploadSchema } } },
  },
  responses: { 200: jsonContent(UserSchema, "The user with the new avatar_url") },
});

export function registerUploadUserAvatar(app: OpenAPIHono<AppEnv>): void {
  app.openapi(uploadUserAvatarRoute, async (c) => {
    const { file } = c.req.valid("form");
    const account = await uploadAvatar(accountDeps(c.get("services")), c.get("actor"), {
      userId: c.req.valid("param").user_id,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return c.json(toUser(account), 200);
  });
}
