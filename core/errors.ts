/**
 * Typed domain errors. Use-cases throw these; the HTTP layer maps them to
 * RFC 9457 problem+json responses in exactly one place (app/http/problem.ts).
 *
 * @example
 * throw new NotFound("record", id);
 */
export type FieldIssue = { field: string; message: string };

export abstract class DomainError extends Error {
  /** Stable machine-readable code, e.g. `not_found`. */
  abstract readonly code: string;
  /** Extra members for the problem document. */
  readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** The resource does not exist, or belongs to another workspace (never leak which). */
export class NotFound extends DomainError {
  readonly code = "not_found";
  constructor(resource: string, id?: string) {
    super(id ? `${resource} ${id} was not found` : `${resource} was not found`, { resource });
  }
}

/** The credentials are missing, invalid or expired. */
export class Unauthenticated extends DomainError {
  readonly code: string;
  constructor(message = "authentication required", code = "unauthenticated") {
    super(message);
    this.code = code;
  }
}

/** Authenticated, but not allowed. */
export class Forbidden extends DomainError {
  readonly code = "forbidden";
  constructor(message = "you do not have permission to do this", permission?: string) {
    super(message, permission ? { permission } : {});
  }
}

/** The request conflicts with the current state (duplicate, wrong state). */
export class Conflict extends DomainError {
  readonly code = "conflict";
}

/** Input is well-formed but invalid; lists each bad field. */
export class Invalid extends DomainError {
  readonly code = "invalid";
  readonly issues: FieldIssue[];
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message, { errors: issues });
    this.issues = issues;
  }
}

/** The workspace's plan does not allow this. */
export class PlanLimitExceeded extends DomainError {
  readonly code = "plan_limit_exceeded";
}

/** Too many requests; `retryAfterSeconds` becomes the Retry-After header. */
export class RateLimited extends DomainError {
  readonly code = "rate_limited";
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = "too many requests") {
    super(message, { retry_after: retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The payload is larger than allowed. */
export class PayloadTooLarge extends DomainError {
  readonly code = "payload_too_large";
}

/** The media type is not accepted. */
export class UnsupportedMediaType extends DomainError {
  readonly code = "unsupported_media_type";
}

/** The workspace's tenant schema is behind the latest migration. */
export class MigrationRequired extends DomainError {
  readonly code = "migration_required";
}

/** A dependency (database, cache, storage) is unavailable. */
export class ServiceUnavailable extends DomainError {
  readonly code = "service_unavailable";
}
