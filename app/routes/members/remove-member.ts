import type { OpenAPIHono } from "@hono/zod-openapi";
import { removeMember } from "../../../core/members/remove-member.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { MemberIdParams } from "./schemas.ts";

export const removeMemberRoute = defineRoute({
  method: "delete",
  path: "/api/v1/members/{member_id}",
  operationId: "removeMember",
  tags: ["Members"],
  summary: "Remove a member from the workspace",
  description:
    "Ends the member's access (membership `removed`) and soft-deletes their member record and team memberships; the account stays. Requires `can_delete_member` and a role at least the member's; the owner cannot be removed (409).",
  auth: "user",
  errors: [409],
  request: { params: MemberIdParams },
  responses: { 204: { description: "Removed" } },
});

export function registerRemoveMember(app: OpenAPIHono<AppEnv>): void {
  app.openapi(removeMemberRoute, async (c) => {
    const { member_id } = c.req.valid("param");
    await removeMember(c.get("services"), c.get("actor"), { memberId: member_id });
    return c.body(null, 204);
  });
}
