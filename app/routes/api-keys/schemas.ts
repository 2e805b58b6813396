import { z } from "@hono/zod-openapi";
import type { ApiKey } from "../../../core/api-keys/api-key-repository.ts";
import { apiKeyStatus } from "../../../core/api-keys/api-key-rules.ts";

/** Shared schemas of the API Keys section. */

export const ApiKeyIdParamsSchema = z.object({
  api_key_id: z.uuid().openapi({ param: { name: "api_key_id", in: "path" }, example: "0190f3c2-7a4b-7c1d-9e2f-3a4b5c6d7e8f" }),
});

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: "CI deploys" }),
    prefix: z.string().openapi({ example: "fos_live_Ab3", description: "Start of the key, to recognise it; the full key is never shown again" }),
    scopes: z.array(z.string()).openapi({ example: ["can_view_record"], description: 'Permission names, or "*" for all of a member\'s grants' }),
    status: z.enum(["active", "disabled", "expired", "revoked"]).openapi({ description: "Only active keys authenticate" }),
    is_active: z.boolean().openapi({ description: "False while disabled (see toggle)" }),
    is_revoked: z.boolean(),
    revoked_at: z.iso.datetime().nullable(),
    last_used_at: z.iso.datetime().nullable(),
    expires_at: z.iso.datetime().nullable(),
    created_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("ApiKey");

export const ApiKeyWithSecretSchema = ApiKeySchema.extend({
  key: z.string().openapi({
    example: "fos_live_Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9d",
    description: "The full key. Shown only in this response: store it now.",
  }),
}).openapi("ApiKeyWithSecret");

export type ApiKeyJson = z.infer<typeof ApiKeySchema>;

/** A stored key as JSON (never with its secret). */
export function apiKeyJson(key: ApiKey, now: Date): ApiKeyJson {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    status: apiKeyStatus(key, now),
    is_active: key.isActive,
    is_revoked: key.revokedAt !== null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    expires_at: key.expiresAt?.toISOString() ?? null,
    created_by: key.createdBy,
    created_at: key.createdAt.toISOString(),
    updated_at: key.updatedAt.toISOString(),
  };
}

export const ScopesSchema = z
  .array(z.string().min(1).max(100))
  .min(1)
  .max(200)
  .openapi({ example: ["can_view_record", "can_create_record"], description: 'Catalog permission names, or ["*"] for all of a member\'s grants' });

export const ExpiresAtSchema = z.iso
  .datetime({ offset: true })
  .nullable()
  .openapi({ example: "2027-01-01T00:00:00Z", description: "When the key stops working; null for never. Must be in the future." });

/** A `true`/`false` query flag. */
export const BooleanQuerySchema = z.enum(["true", "false"]);

/** The flag's value, undefined when absent. */
export function booleanQuery(value: "true" | "false" | undefined): boolean | undefined {
  return value === undefined ? undefined : value === "true";
}
