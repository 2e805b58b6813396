import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { resendInvitation } from "../../../core/workspaces/resend-invitation.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { InvitationResultSchema, jsonBody, toInvitationJson, WorkspaceIdParamsSchema } from "./schemas.ts";

const ResendInvitationBodySchema = z
  .object({
    member_id: z.uuid().optional().openapi({ description: "The pending entry's id from the member listing (the invitation id)." }),
    user_id: z.uuid().optional().openapi({ description: "The invitee's user id." }),
  })
  .strict()
  .refine((b) => (b.member_id === undefined) !== (b.user_id === undefined), { message: "give exactly one of member_id, user_id" })
  .openapi("ResendInvitationRequest");

export const resendInvitationRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/{workspace_id}/resend-invite",
  operationId: "resendInvitation",
  tags: ["Workspaces"],
  summary: "Resend an invitation email",
  description:
    "Emails a pending invitee a new link, valid another 7 days; the previous link stops working. Takes the invitee's `member_id` (invitation id) or `user_id`. No pending invitation: 404. Requires `can_create_member` (admins and owners by default).",
  auth: "user-global",
  errors: [403, 404],
  request: { params: WorkspaceIdParamsSchema, ...jsonBody(ResendInvitationBodySchema) },
  responses: { 200: jsonContent(InvitationResultSchema, "The invitation; a new email is sent") },
});

export function registerResendInvitation(app: OpenAPIHono<AppEnv>): void {
  app.openapi(resendInvitationRoute, async (c) => {
    const { workspace_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const invitation = await resendInvitation(c.get("services"), c.get("actor"), {
      workspaceId: workspace_id,
      ...(body.member_id !== undefined ? { memberId: body.member_id } : {}),
      ...(body.user_id !== undefined ? { userId: body.user_id } : {}),
    });
    return c.json({ invitation: toInvitationJson(invitation), email_sent: true }, 200);
  });
}
