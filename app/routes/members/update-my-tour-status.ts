import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { updateMyTourStatus } from "../../../core/members/member-tours.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { TourId, TourStatusSchema } from "./schemas.ts";

export const updateMyTourStatusRoute = defineRoute({
  method: "post",
  path: "/api/v1/members/me/tours",
  operationId: "updateMyTourStatus",
  tags: ["Members"],
  summary: "Set completion status of an onboarding tour",
  description: "Records that the caller completed or skipped a tour; returns every tour's state.",
  auth: "user",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({ tour_id: TourId, status: z.enum(["completed", "skipped"]).openapi({ example: "completed" }) })
            .openapi("UpdateTourStatus"),
        },
      },
    },
  },
  responses: { 200: jsonContent(TourStatusSchema, "The caller's tours after the change") },
});

export function registerUpdateMyTourStatus(app: OpenAPIHono<AppEnv>): void {
  app.openapi(updateMyTourStatusRoute, async (c) => {
    const body = c.req.valid("json");
    return c.json(await updateMyTourStatus(c.get("services"), c.get("actor"), { tourId: body.tour_id, status: body.status }), 200);
  });
}
