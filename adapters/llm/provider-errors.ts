import { DomainError, Invalid, RateLimited, ServiceUnavailable } from "../../core/errors.ts";

/** What the adapters need to know about the provider they call, for error messages. */
export type ProviderLabel = {
  /** `Anthropic`, `OpenAI`. */
  name: string;
  /** The variable holding the credentials, named in the message when they are refused. */
  keyVariable: string;
  /** Secrets that must never appear in a message (the configured key). */
  secrets: readonly (string | undefined)[];
};

/** Shape shared by both SDKs' `APIError` (status and headers are undefined for network errors). */
type ApiErrorLike = { status?: unknown; headers?: unknown; code?: unknown; message?: unknown; name?: unknown };

const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * Maps an SDK error to a DomainError: 429 -> RateLimited (with the provider's Retry-After),
 * refused credentials -> ServiceUnavailable naming the variable to fix (never the key), a
 * request the provider rejects -> Invalid, outages and network failures -> ServiceUnavailable.
 * Provider messages pass through only for rejected requests, with anything key-like removed.
 */
export function mapProviderError(error: unknown, provider: ProviderLabel): DomainError {
  if (error instanceof DomainError) return error;
  const e = (error ?? {}) as ApiErrorLike;
  const status = typeof e.status === "number" ? e.status : undefined;
  const code = typeof e.code === "string" ? e.code : undefined;

  if (status === 429) {
    // OpenAI answers 429 for an exhausted quota too: retrying will not help, so it is an outage.
    if (code === "insufficient_quota") {
      return new ServiceUnavailable(`the ${provider.name} account has no quota left; AI features are unavailable until it is topped up`);
    }
    return new RateLimited(retryAfterSeconds(e.headers), `the AI provider (${provider.name}) is rate limiting requests; retry later`);
  }
  if (status === 401 || status === 403) {
    return new ServiceUnavailable(`the AI provider (${provider.name}) refused the configured credentials; check ${provider.keyVariable}`);
  }
  if (status === 404) {
    return new ServiceUnavailable(`the AI provider (${provider.name}) does not offer the requested model; check LLM_MODEL`);
  }
  if (status === 400 || status === 413 || status === 422) {
    return new Invalid(`the AI provider (${provider.name}) rejected the request: ${redact(providerMessage(e), provider.secrets)}`);
  }
  if (status !== undefined) {
    return new ServiceUnavailable(`the AI provider (${provider.name}) failed (HTTP ${status}); retry later`);
  }
  return new ServiceUnavailable(`the AI provider (${provider.name}) could not be reached; retry later`);
}

function retryAfterSeconds(headers: unknown): number {
  const get = (name: string): string | null =>
    headers && typeof (headers as Headers).get === "function" ? (headers as Headers).get(name) : null;
  const ms = Number(get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return Math.max(1, Math.ceil(ms / 1000));
  const raw = get("retry-after");
  if (raw) {
    const seconds = Number(raw);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds));
    const date = Date.parse(raw);
    if (Number.isFinite(date)) return Math.max(1, Math.ceil((date - Date.now()) / 1000));
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

function providerMessage(e: ApiErrorLike): string {
  // The SDKs prefix the status ("400 {...}" or "400 message"); keep the readable part.
  const message = typeof e.message === "string" ? e.message : "bad request";
  return message.replace(/^\d{3}\s+/, "").slice(0, 300);
}

/** Removes configured secrets and anything shaped like an API key from `text`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 8) out = out.split(secret).join("[redacted]");
  return out.replace(/\b(?:sk|pk|rk)-[A-Za-z0-9_*-]{6,}/g, "[redacted]");
}
