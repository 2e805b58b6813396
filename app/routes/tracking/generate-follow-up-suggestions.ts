import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { generateFollowUpSuggestions } from "../../../core/tracking/generate-follow-up-suggestions.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { FollowUpSuggestionsSchema, RecordsetIdParams } from "./schemas.ts";

export const generateFollowUpSuggestionsRoute = defineRoute({
  method: "post",
  path: "/api/v1/tracking/{recordset_id}/follow-up-suggestions",
  operationId: "generateFollowUpSuggestions",
  tags: ["Record Tracking"],
  summary: "Generate AI follow-up suggestions for a recordset",
  description:
    "Picks the records most in need of a follow-up (overdue tasks first, then the longest without contact; those contacted within `quiet_days` and on schedule are skipped), at most `limit`, and suggests one action each. Nothing is stored. No candidates: no model call. Requires `can_view` on the recordset.",
  auth: "user",
  errors: [503],
  request: {
    params: RecordsetIdParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(50).default(20).openapi({ example: 20 }),
      quiet_days: z.coerce.number().int().min(0).max(365).default(7).openapi({ description: "Records contacted within this many days are skipped unless a task is overdue", example: 7 }),
    }),
  },
  responses: { 200: jsonContent(FollowUpSuggestionsSchema, "The suggestions") },
});

export function registerGenerateFollowUpSuggestions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(generateFollowUpSuggestionsRoute, async (c) => {
    const { recordset_id } = c.req.valid("param");
    const q = c.req.valid("query");
    return c.json(await generateFollowUpSuggestions(c.get("services"), c.get("actor"), { recordsetId: recordset_id, limit: q.limit, quietDays: q.quiet_days }), 200);
  });
}
