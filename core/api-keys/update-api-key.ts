import type { Actor } from "../auth/actor.ts";
import { Conflict } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ApiKey, ApiKeyChanges } from "./api-key-repository.ts";
import { assertFutureExpiry, assertNotRevoked, assertValidScopes, findApiKey } from "./api-key-rules.ts";
import type { ApiKeysDeps } from "./list-api-keys.ts";

export type UpdateApiKeyInput = { id: string } & Omit<ApiKeyChanges, "revokedAt">;

/**
 * Changes a key's name, scopes, expiry or enabled flag; the secret never changes
 * (rotate for that). A revoked key is frozen (409). Requires `can_edit_api_key`.
 */
export async function updateApiKey(deps: ApiKeysDeps, actor: Actor, input: UpdateApiKeyInput): Promise<ApiKey> {
  await authorize(deps, actor, "can_edit_api_key");
  const workspaceId = actor.workspace!.id;
  const key = await findApiKey(deps.apiKeys, workspaceId, input.id);
  assertNotRevoked(key);
  const now = deps.now();
  if (input.scopes) assertValidScopes(input.scopes);
  assertFutureExpiry(input.expiresAt, now);
  const changes: ApiKeyChanges = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.scopes === undefined ? {} : { scopes: [...new Set(input.scopes)] }),
    ...(input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt }),
    ...(input.isActive === undefined ? {} : { isActive: input.isActive }),
  };
  const updated = await deps.apiKeys.update(workspaceId, key.id, changes, now);
  if (!updated) throw new Conflict("this API key was revoked meanwhile", { api_key_id: key.id });
  return updated;
}
