import type { OpenAPIHono } from "@hono/zod-openapi";
import { getMyTourStatus } from "../../../core/members/member-tours.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TourStatusSchema } from "./schemas.ts";

export const getMyTourStatusRoute = defineRoute({
  method: "get",
  path: "/api/v1/members/me/tours",
  operationId: "getMyTourStatus",
  tags: ["Members"],
  summary: "Get onboarding tour completion status",
  description: "Tour id to completed/skipped state for the caller in the current workspace.",
  auth: "user",
  responses: { 200: jsonContent(TourStatusSchema, "The caller's tours") },
});

export function registerGetMyTourStatus(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getMyTourStatusRoute, async (c) => {
    return c.json(await getMyTourStatus(c.get("services"), c.get("actor")), 200);
  });
}
