import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { listWorkspaceMembers } from "../../../core/workspaces/list-workspace-members.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { PageQuerySchema, pagedSchema, toMemberJson, WorkspaceIdParamsSchema, WorkspaceMemberSchema } from "./schemas.ts";

const MembersQuerySchema = PageQuerySchema.extend({
  status: z.enum(["active", "pending"]).optional().openapi({ description: "Only members (`active`) or only pending invitations." }),
});

export const listWorkspaceMembersRoute = defineRoute({
  method: "get",
  path: "/api/v1/workspaces/{workspace_id}/members",
  operationId: "listWorkspaceMembers",
  tags: ["Workspaces"],
  summary: "List workspace members including pending invites",
  description:
    "Active members, then pending (unaccepted, unexpired) invitations, by name; each with email, name, role and `status` (`active` or `pending`). `search` matches name or email. Requires `can_view_member` (every role by default); non-members get 404.",
  auth: "user-global",
  errors: [403, 404],
  request: { params: WorkspaceIdParamsSchema, query: MembersQuerySchema },
  responses: { 200: jsonContent(pagedSchema(WorkspaceMemberSchema, "WorkspaceMemberList"), "The members and pending invitations") },
});

export function registerListWorkspaceMembers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listWorkspaceMembersRoute, async (c) => {
    const { workspace_id } = c.req.valid("param");
    const query = c.req.valid("query");
    const result = await listWorkspaceMembers(c.get("services"), c.get("actor"), {
      workspaceId: workspace_id,
      page: query.page,
      pageSize: query.page_size,
      ...(query.search ? { search: query.search } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    return c.json({ items: result.items.map(toMemberJson), total: result.total, page: query.page, page_size: query.page_size }, 200);
  });
}
