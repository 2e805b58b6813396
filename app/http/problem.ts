import { z } from "@hono/zod-openapi";
import {
  Conflict,
  DomainError,
  Forbidden,
  Invalid,
  MigrationRequired,
  NotFound,
  PayloadTooLarge,
  PlanLimitExceeded,
  RateLimited,
  ServiceUnavailable,
  Unauthenticated,
  UnsupportedMediaType,
  type FieldIssue,
} from "../../core/errors.ts";

/** RFC 9457 problem details, with our stable `code` and optional field errors. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "https://docs.fos.dev/problems/not_found" }),
    title: z.string().openapi({ example: "Not Found" }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().optional().openapi({ example: "record 0190… was not found" }),
    instance: z.string().optional().openapi({ example: "/api/v1/records/0190…" }),
    code: z.string().openapi({ example: "not_found" }),
    request_id: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "One entry per invalid field (validation errors)." }),
  })
  .passthrough()
  .openapi("Problem");

export type Problem = z.infer<typeof ProblemSchema>;

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Builds a problem document; `code` defaults from the status. */
export function problem(
  status: number,
  code: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): Problem {
  // Extension members never override the standard ones (a detail named `status` must not
  // change the HTTP status a client reads from the body).
  return {
    ...extra,
    type: `https://docs.fos.dev/problems/${code}`,
    title: titles[status] ?? "Error",
    status,
    code,
    ...(detail ? { detail } : {}),
  };
}

/** The HTTP status for each domain error: the one place this mapping lives. */
export function statusOf(error: DomainError): number {
  if (error instanceof NotFound) return 404;
  if (error instanceof Unauthenticated) return 401;
  if (error instanceof Forbidden) return 403;
  if (error instanceof Conflict) return 409;
  if (error instanceof Invalid) return 422;
  if (error instanceof PlanLimitExceeded) return 402;
  if (error instanceof RateLimited) return 429;
  if (error instanceof PayloadTooLarge) return 413;
  if (error instanceof UnsupportedMediaType) return 415;
  if (error instanceof MigrationRequired) return 503;
  if (error instanceof ServiceUnavailable) return 503;
  return 400;
}

/** A domain error as a problem document. */
export function problemFromDomainError(error: DomainError): Problem {
  return problem(statusOf(error), error.code, error.message, error.details);
}

/** A 422 listing every invalid field, from zod issues of a request part. */
export function validationProblem(
  part: string,
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): Problem {
  const errors: FieldIssue[] = issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  return problem(422, "validation_failed", `the request ${part} is invalid`, { errors });
}

/** A Response carrying `body` as application/problem+json. */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}
