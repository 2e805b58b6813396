import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { Invalid } from "../../../core/errors.ts";
import { uploadMemberAvatar } from "../../../core/members/upload-member-avatar.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MemberIdParams } from "./schemas.ts";

const AvatarUploadSchema = z
  .object({
    member_id: z.uuid(),
    avatar_url: z.string().openapi({ description: "Signed download URL of the stored avatar" }),
    content_type: z.string().openapi({ example: "image/png" }),
    size: z.number().int().openapi({ example: 20480 }),
    expires_in: z.number().int().openapi({ description: "Seconds until avatar_url expires", example: 3600 }),
  })
  .openapi("AvatarUpload");

export const uploadMemberAvatarRoute = defineRoute({
  method: "post",
  path: "/api/v1/members/{member_id}/avatar",
  operationId: "uploadMemberAvatar",
  tags: ["Members"],
  summary: "Upload a member avatar",
  description:
    "Multipart upload (`file`) of a PNG, JPEG, GIF or WebP image up to 5 MB; the type is read from the file's bytes (415 otherwise, 413 when too large). Members may set their own avatar; others need `can_edit_member` and a role at least the member's.",
  auth: "user",
  errors: [413, 415],
  request: {
    params: MemberIdParams,
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: z.object({ file: z.any().openapi({ type: "string", format: "binary", description: "The image" }) }).openapi("AvatarUploadForm"),
        },
      },
    },
  },
  responses: { 200: jsonContent(AvatarUploadSchema, "The stored avatar") },
});

export function registerUploadMemberAvatar(app: OpenAPIHono<AppEnv>): void {
  app.openapi(uploadMemberAvatarRoute, async (c) => {
    const { member_id } = c.req.valid("param");
    const { file } = c.req.valid("form") as { file?: unknown };
    if (!(file instanceof File)) throw new Invalid("a file is required", [{ field: "body.file", message: "required: an image file" }]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json(await uploadMemberAvatar(c.get("services"), c.get("actor"), { memberId: member_id, bytes }), 200);
  });
}
