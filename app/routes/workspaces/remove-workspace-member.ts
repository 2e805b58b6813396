import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { removeWorkspaceMember } from "../../../core/workspaces/remove-workspace-member.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { WorkspaceIdParamsSchema } from "./schemas.ts";

const RemovedMemberSchema = z
  .object({
    removed: z.enum(["invitation", "member"]).openapi({ example: "member" }),
    id: z.string().openapi({ example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    user_id: z.string().nullable().openapi({ example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    user_deleted: z.boolean().openapi({ description: "The user belonged to no other workspace, so their account was deleted.", example: false }),
  })
  .openapi("RemovedWorkspaceMember");

export const removeWorkspaceMemberRoute = defineRoute({
  method: "delete",
  path: "/api/v1/workspaces/{workspace_id}/members/{member_id}",
  operationId: "removeWorkspaceMember",
  tags: ["Workspaces"],
  summary: "Remove a member or pending invite from a workspace",
  description:
    "`member_id` is an id from the member listing. A pending invitation is deleted with its token. A member loses their membership; when they belong to no other workspace their account is deleted too (never the caller's own, nor staff accounts). The last owner cannot be removed (409). Requires `can_delete_member` (admins and owners by default); an admin cannot remove an owner (403).",
  auth: "user-global",
  errors: [403, 404, 409, 503],
  request: {
    params: WorkspaceIdParamsSchema.extend({
      member_id: z.uuid().openapi({ param: { name: "member_id", in: "path" }, example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    }),
  },
  responses: { 200: jsonContent(RemovedMemberSchema, "What was removed") },
});

export function registerRemoveWorkspaceMember(app: OpenAPIHono<AppEnv>): void {
  app.openapi(removeWorkspaceMemberRoute, async (c) => {
    const { workspace_id, member_id } = c.req.valid("param");
    const result = await removeWorkspaceMember(c.get("services"), c.get("actor"), { workspaceId: workspace_id, memberId: member_id });
    return c.json({ removed: result.removed, id: result.id, user_id: result.userId, user_deleted: result.userDeleted }, 200);
  });
}
