import type { OpenAPIHono } from "@hono/zod-openapi";
import { deleteMemberPermanently } from "../../../core/members/delete-member-permanently.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { MemberIdParams } from "./schemas.ts";

export const deleteMemberPermanentlyRoute = defineRoute({
  method: "delete",
  path: "/api/v1/members/{member_id}/permanent",
  operationId: "deleteMemberPermanently",
  tags: ["Members"],
  summary: "Permanently delete a user",
  description:
    "Deletes the member record, the membership and the user account, irreversibly. Only for a user who belongs to this workspace alone and is neither the owner nor the caller (409 otherwise). Requires `can_delete_member` and a role at least the member's.",
  auth: "user",
  errors: [409],
  request: { params: MemberIdParams },
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteMemberPermanently(app: OpenAPIHono<AppEnv>): void {
  app.openapi(deleteMemberPermanentlyRoute, async (c) => {
    const { member_id } = c.req.valid("param");
    await deleteMemberPermanently(c.get("services"), c.get("actor"), { memberId: member_id });
    return c.body(null, 204);
  });
}
