import { type OpenAPIHono } from "@hono/zod-openapi";
import { uploadAvatar } from "../../../core/accounts/upload-avatar.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { accountDeps } from "./account-deps.ts";
import { AvatarUploadSchema, toUser, UserSchema } from "./account-schemas.ts";

export const uploadMyAvatarRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/me/avatar",
  operationId: "uploadMyAvatar",
  tags: ["Authentication"],
  summary: "Upload a profile picture for the current user",
  description:
    "Multipart field `file`: a PNG, JPEG, WebP or GIF image (recognised by its content, not its declared type: 415 otherwise), at most 5 MB (413). Stored at `ws/users/profile-image/<uuid>.<ext>`; the user's `avatar_url` then answers a signed URL valid one hour.",
  auth: "user-global",
  errors: [413, 415],
  request: { body: { required: true, content: { "multipart/form-data": { schema: AvatarUploadSchema } } } },
  responses: { 200: jsonContent(UserSchema, "The user with the new avatar_url") },
});

export function registerUploadMyAvatar(app: OpenAPIHono<AppEnv>): void {
  app.openapi(uploadMyAvatarRoute, async (c) => {
    const { file } = c.req.valid("form");
    const account = await uploadAvatar(accountDeps(c.get("services")), c.get("actor"), {
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return c.json(toUser(account), 200);
  });
}
