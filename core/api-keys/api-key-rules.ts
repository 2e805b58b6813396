import { generateSecretToken, hashSecretToken } from "../auth/secret-token.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { isPermissionName } from "../permissions/catalog.ts";
import type { ApiKey, ApiKeyRepository, NewApiKey } from "./api-key-repository.ts";

/** Every workspace API key starts with this, so leaked keys are easy to spot and scan for. */
export const API_KEY_PREFIX = "fos_live_";
/** Characters of the key kept in clear for display (`fos_live_` + 3). */
export const API_KEY_DISPLAY_LENGTH = 12;

/** Where a key stands: only `active` keys authenticate. */
export type ApiKeyStatus = "active" | "disabled" | "expired" | "revoked";

/** The key's status at `now`; revocation wins over everything else. */
export function apiKeyStatus(key: ApiKey, now: Date): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (!key.isActive) return "disabled";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Refuses scopes that are neither `*` nor catalog permission names (422 naming them). */
export function assertValidScopes(scopes: readonly string[]): void {
  const unknown = [...new Set(scopes.filter((s) => s !== "*" && !isPermissionName(s)))];
  if (unknown.length > 0) {
    throw new Invalid(
      `unknown scopes: ${unknown.join(", ")}`,
      unknown.map((s) => ({ field: "scopes", message: `${s} is not a permission of the catalog (or "*")` })),
    );
  }
}

/** Refuses an expiry that is not in the future. */
export function assertFutureExpiry(expiresAt: Date | null | undefined, now: Date): void {
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new Invalid("expires_at must be in the future", [{ field: "expires_at", message: "must be in the future" }]);
  }
}

/** A fresh 256-bit key and the row that stores its hash; the secret is returned once, never stored. */
export function mintApiKey(fields: Omit<NewApiKey, "id" | "prefix" | "keyHash">): { secret: string; row: NewApiKey } {
  const secret = generateSecretToken(API_KEY_PREFIX);
  return {
    secret,
    row: { ...fields, id: newId(), prefix: secret.slice(0, API_KEY_DISPLAY_LENGTH), keyHash: hashSecretToken(secret) },
  };
}

/** The workspace's key, or NotFound (also for another workspace's id). */
export async function findApiKey(repo: ApiKeyRepository, workspaceId: string, id: string): Promise<ApiKey> {
  const key = await repo.get(workspaceId, id);
  if (!key) throw new NotFound("api key", id);
  return key;
}

/** Refuses to change a revoked key: revocation is final (409). */
export function assertNotRevoked(key: ApiKey): void {
  if (key.revokedAt) throw new Conflict("this API key is revoked; revocation cannot be undone", { api_key_id: key.id });
}
