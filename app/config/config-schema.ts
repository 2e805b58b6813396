import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optionalUrl = z.url().optional();
const optionalText = z.string().min(1).optional();

/**
 * Every environment variable the service reads, validated once at start.
 * Unset service variables select the embedded twins: no DATABASE_URL -> PGlite,
 * no REDIS_URL -> in-process cache/pub-sub, no S3_BUCKET -> local folder, no
 * SMTP_URL -> mail outbox, no LLM key -> offline provider, no Stripe key -> local plans.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(8000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url().default("http://localhost:8000"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  DATA_DIR: z.string().default("./.data"),
  NODE_HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(400).default(50),

  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl,
  REDIS_KEY_PREFIX: z.string().min(1).default("fos:"),

  S3_BUCKET: optionalText,
  S3_REGION: z.string().default("us-east-1"),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_FORCE_PATH_STYLE: bool.default(false),

  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default("FOS <no-reply@localhost>"),

  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  URL_SIGNING_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),

  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: z.string().default("*"),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** Largest record attachment (CRUD - Record Attachments); its upload route has its own body limit. */
  RECORD_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),

  RUN_WORKER: bool.optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  JOB_LEASE_MS: z.coerce.number().int().min(1000).default(30_000),

  ANTHROPIC_API_KEY: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  /** Unset: anthropic with ANTHROPIC_API_KEY, else openai with OPENAI_API_KEY or OPENAI_BASE_URL, else offline. */
  LLM_PROVIDER: z.enum(["offline", "anthropic", "openai"]).optional(),
  /** Default model of the provider (unset: claude-sonnet-5-5 / gpt-4.1-mini; required with a self-hosted OPENAI_BASE_URL). */
  LLM_MODEL: optionalText,
  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  /** Shared secret of the Clerk-facing frontend server (`X-Clerk-Secret`); unset: Clerk check answers 503. */
  CLERK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Recordset Import: largest file accepted for import (upload, analyze, import); default 200 MB. */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),

  /** Geocoding: `google` needs GOOGLE_MAPS_API_KEY; default google when the key is set, else the offline gazetteer. */
  GEOCODING_PROVIDER: z.enum(["google", "offline"]).optional(),
  GOOGLE_MAPS_API_KEY: optionalText,
  /** Requests per second sent to the geocoder (default: Google 50, offline unlimited). */
  GEOCODING_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().max(10_000).optional(),
});

export type Config = z.infer<typeof configSchema>;
