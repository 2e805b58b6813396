import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { generateInviteLink } from "../../../core/workspaces/generate-invite-link.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EmailSchema } from "../auth/account-schemas.ts";
import { InviteLinkSchema, jsonBody, RoleSchema, toInvitationJson, WorkspaceIdParamsSchema } from "./schemas.ts";

const GenerateInviteLinkBodySchema = z
  .object({
    email: EmailSchema.optional().openapi({ description: "A registered user to invite personally." }),
    member_id: z.uuid().optional().openapi({ description: "A pending invitee from the member listing (invitation or user id)." }),
    user_id: z.uuid().optional().openapi({ description: "A pending invitee's user id." }),
    role: RoleSchema.optional().openapi({ description: "Default: the invitation's role, else `member`." }),
    max_uses: z.number().int().min(1).max(10_000).optional().openapi({ description: "Shareable links: how many may join (default unlimited).", example: 10 }),
    expires_in_days: z.number().int().min(1).max(30).optional().openapi({ description: "Shareable links: lifetime (default 7).", example: 7 }),
  })
  .strict()
  .refine((b) => [b.email, b.member_id, b.user_id].filter((v) => v !== undefined).length <= 1, {
    message: "name the invitee with at most one of email, member_id, user_id",
  })
  .openapi("GenerateInviteLinkRequest");

export const generateInviteLinkRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/{workspace_id}/invite-link",
  operationId: "generateInviteLink",
  tags: ["Workspaces"],
  summary: "Generate an invite link without sending email",
  description:
    "Returns a link to copy (Slack, chat); no email is sent. With an invitee (`email` of a registered user, or a pending invitee's `member_id`/`user_id`) the link is personal and single-use, and replaces that invitee's previous link. Without one, it is a shareable link anyone signed in can use to join with `role` until it expires (`expires_in_days`, default 7), reaches `max_uses` or is cancelled. Requires `can_create_member`; never a role above the caller's (403).",
  auth: "user-global",
  errors: [403, 404, 409],
  request: { params: WorkspaceIdParamsSchema, ...jsonBody(GenerateInviteLinkBodySchema) },
  responses: { 200: jsonContent(InviteLinkSchema, "The invite link") },
});

export function registerGenerateInviteLink(app: OpenAPIHono<AppEnv>): void {
  app.openapi(generateInviteLinkRoute, async (c) => {
    const { workspace_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const link = await generateInviteLink(c.get("services"), c.get("actor"), {
      workspaceId: workspace_id,
      ...(body.email !== undefined ? { email: body.email } : {}),
      ...(body.member_id !== undefined ? { memberId: body.member_id } : {}),
      ...(body.user_id !== undefined ? { userId: body.user_id } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.max_uses !== undefined ? { maxUses: body.max_uses } : {}),
      ...(body.expires_in_days !== undefined ? { expiresInDays: body.expires_in_days } : {}),
    });
    return c.json({ invitation: toInvitationJson(link.invitation), invite_url: link.url, expires_at: link.expiresAt.toISOString() }, 200);
  });
}
