import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { reassignMemberItems } from "../../../core/members/reassign-member-items.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MemberIdParams } from "./schemas.ts";

const ReassignResultSchema = z
  .object({
    member_id: z.uuid(),
    target_member_id: z.uuid(),
    reassigned: z.record(z.string(), z.number().int()).openapi({ description: "Items moved, per type", example: { team: 2, api_key: 1 } }),
    total: z.number().int().openapi({ example: 3 }),
  })
  .openapi("ReassignResult");

export const reassignMemberItemsRoute = defineRoute({
  method: "post",
  path: "/api/v1/members/{member_id}/reassign",
  operationId: "reassignMemberItems",
  tags: ["Members"],
  summary: "Bulk reassign all items from one member to another",
  description:
    "Moves everything the member owns or is assigned to another active member, in one transaction (all or nothing). Run it before removing the member. Requires `can_edit_member` and a role at least the member's.",
  auth: "user",
  errors: [409],
  request: {
    params: MemberIdParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({ target_member_id: z.uuid().openapi({ description: "The member who receives the items", example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a13" }) })
            .openapi("ReassignMemberItems"),
        },
      },
    },
  },
  responses: { 200: jsonContent(ReassignResultSchema, "What moved") },
});

export function registerReassignMemberItems(app: OpenAPIHono<AppEnv>): void {
  app.openapi(reassignMemberItemsRoute, async (c) => {
    const { member_id } = c.req.valid("param");
    const { target_member_id } = c.req.valid("json");
    const result = await reassignMemberItems(c.get("services"), c.get("actor"), { memberId: member_id, targetMemberId: target_member_id });
    return c.json(result, 200);
  });
}
