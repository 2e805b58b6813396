import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { inviteWorkspaceUser } from "../../../core/workspaces/invite-workspace-user.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { EmailSchema } from "../auth/account-schemas.ts";
import { InvitationResultSchema, jsonBody, RoleSchema, toInvitationJson, WorkspaceIdParamsSchema } from "./schemas.ts";

const InviteBodySchema = z
  .object({ email: EmailSchema, role: RoleSchema.default("member") })
  .openapi("InviteWorkspaceUserRequest");

export const inviteWorkspaceUserRoute = defineRoute({
  method: "post",
  path: "/api/v1/workspaces/{workspace_id}/invite",
  operationId: "inviteWorkspaceUser",
  tags: ["Workspaces"],
  summary: "Invite a registered user to a workspace by email",
  description:
    "Emails a registered user a link to join (single-use, valid 7 days). Unknown or deactivated emails answer 422; members 409. Inviting someone already invited sends a fresh link and the old one stops working. Requires `can_create_member` (admins and owners by default); nobody can invite into a role above their own (403).",
  auth: "user-global",
  errors: [403, 404, 409],
  request: { params: WorkspaceIdParamsSchema, ...jsonBody(InviteBodySchema) },
  responses: { 201: jsonContent(InvitationResultSchema, "The pending invitation; the email is sent") },
});

export function registerInviteWorkspaceUser(app: OpenAPIHono<AppEnv>): void {
  app.openapi(inviteWorkspaceUserRoute, async (c) => {
    const { workspace_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const invitation = await inviteWorkspaceUser(c.get("services"), c.get("actor"), { workspaceId: workspace_id, ...body });
    return c.json({ invitation: toInvitationJson(invitation), email_sent: true }, 201);
  });
}
