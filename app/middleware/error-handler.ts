import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { DomainError, RateLimited } from "../../core/errors.ts";
import type { AppEnv } from "../context.ts";
import { problem, problemFromDomainError, problemResponse, type Problem } from "../http/problem.ts";

function withRequest(c: Context<AppEnv>, body: Problem): Problem {
  return { ...body, instance: c.req.path, request_id: c.get("requestId") };
}

/**
 * The one place errors become responses: domain errors map to their status,
 * hono HTTP exceptions keep theirs, anything else is a logged 500 whose detail
 * never leaks internals.
 */
export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof DomainError) {
    const headers: Record<string, string> =
      error instanceof RateLimited ? { "retry-after": String(error.retryAfterSeconds) } : {};
    return problemResponse(withRequest(c, problemFromDomainError(error)), headers);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? "payload_too_large" : status === 400 ? "bad_request" : `http_${status}`;
    return problemResponse(withRequest(c, problem(status, code, error.message || undefined)));
  }
  (c.get("logger") ?? console).error("unhandled error", { error });
  return problemResponse(withRequest(c, problem(500, "internal_error", "an unexpected error occurred")));
};

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(withRequest(c, problem(404, "route_not_found", `no route for ${c.req.method} ${c.req.path}`)));
