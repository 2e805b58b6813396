import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { getMemberDeletionInfo } from "../../../core/members/get-member-deletion-info.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MemberIdParams } from "./schemas.ts";

const DeletionInfoSchema = z
  .object({
    member_id: z.uuid(),
    workspace_count: z.number().int().openapi({ description: "Workspaces the user belongs to", example: 1 }),
    can_delete_user: z.boolean().openapi({
      description: "True only when the user belongs to this workspace alone and is neither the owner nor the caller",
      example: true,
    }),
    item_counts: z.record(z.string(), z.number().int()).openapi({ description: "Items owned or assigned, per type", example: { team: 2, api_key: 1 } }),
    total_items: z.number().int().openapi({ example: 3 }),
  })
  .openapi("MemberDeletionInfo");

export const getMemberDeletionInfoRoute = defineRoute({
  method: "get",
  path: "/api/v1/members/{member_id}/deletion-info",
  operationId: "getMemberDeletionInfo",
  tags: ["Members"],
  summary: "Get deletion eligibility info for a member",
  description: "Whether the user can be deleted permanently, and what they own here. Requires `can_delete_member`.",
  auth: "user",
  request: { params: MemberIdParams },
  responses: { 200: jsonContent(DeletionInfoSchema, "Deletion info") },
});

export function registerGetMemberDeletionInfo(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getMemberDeletionInfoRoute, async (c) => {
    const { member_id } = c.req.valid("param");
    return c.json(await getMemberDeletionInfo(c.get("services"), c.get("actor"), { memberId: member_id }), 200);
  });
}
