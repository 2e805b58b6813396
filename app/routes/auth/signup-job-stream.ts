import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { watchSignupJob } from "../../../core/signup/signup-job.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { sseResponse } from "../../http/sse.ts";
import { signupDeps } from "./signup-schemas.ts";

const SignupJobEventSchema = z
  .object({
    job_id: z.string().openapi({ format: "uuid" }),
    status: z.enum(["RUNNING", "COMPLETED", "FAILED"]),
    progress: z.number().int().min(0).max(100).openapi({ example: 40 }),
    current_step: z.string().nullable().openapi({ example: "database" }),
    result: z.object({ message: z.string().openapi({ example: "Creating the workspace database" }) }),
    workspace_id: z.string().optional().openapi({ description: "COMPLETED only." }),
    workspace_name: z.string().optional().openapi({ description: "COMPLETED only." }),
    access_token: z.string().optional().openapi({ description: "COMPLETED only, on the first stream that sees it." }),
    refresh_token: z.string().optional().openapi({ description: "COMPLETED only, on the first stream that sees it." }),
    token_type: z.literal("bearer").optional(),
    expires_in: z.number().int().optional(),
  })
  .openapi("SignupJobEvent");

export const streamSignupJobRoute = defineRoute({
  method: "get",
  path: "/api/v1/auth/signup/jobs/{job_id}/stream",
  operationId: "streamSignupJob",
  tags: ["Authentication"],
  summary: "Stream signup provisioning progress (SSE)",
  description:
    "Server-sent events (default `message` events, data: `SignupJobEvent`) until the job ends; the job id is the credential. Each event has `status` RUNNING|COMPLETED|FAILED, `progress` 0-100, `current_step` and `result.message`. The COMPLETED event carries `workspace_id`, `workspace_name` and, the first time a stream delivers it, `access_token` and `refresh_token` (later streams say to sign in). Unknown job: 404.",
  auth: "token",
  errors: [404],
  request: { params: z.object({ job_id: z.uuid().openapi({ param: { name: "job_id", in: "path" } }) }) },
  responses: {
    200: {
      description: "The event stream",
      content: { "text/event-stream": { schema: SignupJobEventSchema } },
    },
  },
});

export function registerStreamSignupJob(app: OpenAPIHono<AppEnv>): void {
  app.openapi(streamSignupJobRoute, async (c) => {
    const { job_id } = c.req.valid("param");
    const produce = await watchSignupJob(signupDeps(c.get("services")), job_id);
    return sseResponse(async function* (signal) {
      for await (const update of produce(signal)) yield { data: update };
    });
  });
}
