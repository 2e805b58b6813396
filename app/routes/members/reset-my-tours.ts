import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { resetMyTours } from "../../../core/members/member-tours.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TourId, TourStatusSchema } from "./schemas.ts";

export const resetMyToursRoute = defineRoute({
  method: "delete",
  path: "/api/v1/members/me/tours",
  operationId: "resetMyTours",
  tags: ["Members"],
  summary: "Reset onboarding tour completion for the current member",
  description: "With `tour_id` in the body, forgets that tour only; with no body (or no `tour_id`), forgets every tour.",
  auth: "user",
  request: {
    body: {
      required: false,
      content: { "application/json": { schema: z.object({ tour_id: TourId.optional() }).openapi("ResetTours") } },
    },
  },
  responses: { 200: jsonContent(TourStatusSchema, "The caller's tours after the reset") },
});

export function registerResetMyTours(app: OpenAPIHono<AppEnv>): void {
  app.openapi(resetMyToursRoute, async (c) => {
    // The body is optional: without a JSON content type the validator leaves it unset.
    const body = (c.req.valid("json") as { tour_id?: string } | undefined) ?? {};
    return c.json(await resetMyTours(c.get("services"), c.get("actor"), { tourId: body.tour_id }), 200);
  });
}
