import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getMemberItems } from "../../../core/members/get-member-items.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MemberIdParams, MemberItemSchema } from "./schemas.ts";

export const getMemberItemsRoute = defineRoute({
  method: "get",
  path: "/api/v1/members/{member_id}/items",
  operationId: "getMemberItems",
  tags: ["Members"],
  summary: "List items owned by or assigned to a member",
  description:
    "Everything to hand over before removing the member (teams they lead, API keys they created, and each section's items). Requires `can_delete_member`.",
  auth: "user",
  request: { params: MemberIdParams },
  responses: {
    200: jsonContent(
      z.object({ member_id: z.uuid(), items: z.array(MemberItemSchema), total: z.number().int().openapi({ example: 3 }) }).openapi("MemberItems"),
      "The member's items",
    ),
  },
});

export function registerGetMemberItems(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getMemberItemsRoute, async (c) => {
    const { member_id } = c.req.valid("param");
    return c.json(await getMemberItems(c.get("services"), c.get("actor"), { memberId: member_id }), 200);
  });
}
