import type { OpenAPIHono } from "@hono/zod-openapi";
import { getMyMember } from "../../../core/members/get-my-member.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { MyMemberSchema } from "./schemas.ts";

export const getMyMemberRoute = defineRoute({
  method: "get",
  path: "/api/v1/members/me",
  operationId: "getMyMember",
  tags: ["Members"],
  summary: "Get the current member profile",
  description: "The caller's member record in the current workspace: role, profile and onboarding tours. Any member may read their own.",
  auth: "user",
  responses: { 200: jsonContent(MyMemberSchema, "The caller's member profile") },
});

export function registerGetMyMember(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getMyMemberRoute, async (c) => {
    return c.json(await getMyMember(c.get("services"), c.get("actor")), 200);
  });
}
