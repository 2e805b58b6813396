import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { startInviteSignupJob } from "../../../core/signup/signup-job.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { InviteSignupBodySchema, signupDeps, toInviteSignupInput } from "./signup-schemas.ts";

const AsyncSignupResponseSchema = z
  .object({
    job_id: z.string().openapi({ format: "uuid", description: "Secret: it is the stream's credential.", example: "0192f0c1-4444-7c31-9a55-3f1e2d4c5b6a" }),
    stream_url: z.string().openapi({ example: "/api/v1/auth/signup/jobs/0192f0c1-4444-7c31-9a55-3f1e2d4c5b6a/stream" }),
  })
  .openapi("AsyncSignupResponse");

export const signupWithStripeInviteAsyncRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/signup/stripe-invite/async",
  operationId: "signupWithStripeInviteAsync",
  tags: ["Authentication"],
  summary: "Start async invite signup; returns job id and stream URL",
  description:
    "Same body and checks as `POST /auth/signup/stripe-invite`: the user is created and the invite claimed before answering (so a used invite answers 409 here), then the workspace is provisioned in the background. Follow it on `stream_url` (SSE); its COMPLETED event carries the session tokens, once.",
  auth: "token",
  errors: [404, 409],
  request: { body: { required: true, content: { "application/json": { schema: InviteSignupBodySchema } } } },
  responses: { 200: jsonContent(AsyncSignupResponseSchema, "The job to follow") },
});

export function registerSignupWithStripeInviteAsync(app: OpenAPIHono<AppEnv>): void {
  app.openapi(signupWithStripeInviteAsyncRoute, async (c) => {
    const { jobId } = await startInviteSignupJob(signupDeps(c.get("services")), toInviteSignupInput(c.req.valid("json")));
    return c.json({ job_id: jobId, stream_url: `/api/v1/auth/signup/jobs/${jobId}/stream` }, 200);
  });
}
