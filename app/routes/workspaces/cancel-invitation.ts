import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { cancelInvitation } from "../../../core/workspaces/cancel-invitation.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EmailSchema } from "../auth/account-schemas.ts";
import { InvitationSchema, jsonBody, toInvitationJson } from "./schemas.ts";

const CancelInvitationBodySchema = z
  .object({
    workspace_id: z.uuid().openapi({ example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }),
    invitation_id: z.uuid().optional().openapi({ description: "A personal invitation or a shareable link." }),
    member_id: z.uuid().optional().openapi({ description: "The pending entry's id from the member listing (invitation or user id)." }),
    email: EmailSchema.optional().openapi({ description: "The invitee's email." }),
  })
  .strict()
  .refine((b) => [b.invitation_id, b.member_id, b.email].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of invitation_id, member_id, email",
  })
  .openapi("CancelInvitationRequest");

export const cancelInvitationRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/invitations/cancel",
  operationId: "cancelInvitation",
  tags: ["Workspaces"],
  summary: "Cancel a pending workspace invitation",
  description:
    "Cancels a pending invitation or shareable link; its link stops working at once. Accepted or already cancelled invitations answer 409. Requires `can_delete_member` in the workspace (admins and owners by default); non-members get 404.",
  auth: "user-global",
  errors: [403, 404, 409],
  request: jsonBody(CancelInvitationBodySchema),
  responses: { 200: jsonContent(InvitationSchema, "The cancelled invitation") },
});

export function registerCancelInvitation(app: OpenAPIHono<AppEnv>): void {
  app.openapi(cancelInvitationRoute, async (c) => {
    const body = c.req.valid("json");
    const invitation = await cancelInvitation(c.get("services"), c.get("actor"), {
      workspaceId: body.workspace_id,
      ...(body.invitation_id !== undefined ? { invitationId: body.invitation_id } : {}),
      ...(body.member_id !== undefined ? { memberId: body.member_id } : {}),
      ...(body.email !== undefined ? { email: body.email } : {}),
    });
    return c.json(toInvitationJson(invitation), 200);
  });
}
