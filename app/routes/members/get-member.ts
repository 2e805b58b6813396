import type { OpenAPIHono } from "@hono/zod-openapi";
import { getMember } from "../../../core/members/get-member.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MemberIdParams, MemberSchema } from "./schemas.ts";

export const getMemberRoute = defineRoute({
  method: "get",
  path: "/api/v1/members/{member_id}",
  operationId: "getMember",
  tags: ["Members"],
  summary: "Get a member by id",
  description: "One member of the current workspace. Requires `can_view_member`; 404 for anyone outside the workspace.",
  auth: "user",
  request: { params: MemberIdParams },
  responses: { 200: jsonContent(MemberSchema, "The member") },
});

export function registerGetMember(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getMemberRoute, async (c) => {
    const { member_id } = c.req.valid("param");
    return c.json(await getMember(c.get("services"), c.get("actor"), { memberId: member_id }), 200);
  });
}
