import type { Actor } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ApiKey } from "./api-key-repository.ts";
import { assertFutureExpiry, assertValidScopes, mintApiKey } from "./api-key-rules.ts";
import type { ApiKeysDeps } from "./list-api-keys.ts";

export type CreateApiKeyInput = { name: string; scopes: string[]; expiresAt?: Date | null };

/**
 * Creates a key for the workspace and returns it with its secret, the only time
 * the secret is ever available. Requires `can_create_api_key`.
 */
export async function createApiKey(
  deps: ApiKeysDeps & EventDeps,
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<{ key: ApiKey; secret: string }> {
  await authorize(deps, actor, "can_create_api_key");
  assertValidScopes(input.scopes);
  const now = deps.now();
  assertFutureExpiry(input.expiresAt, now);
  const { secret, row } = mintApiKey({
    workspaceId: actor.workspace!.id,
    name: input.name,
    scopes: [...new Set(input.scopes)],
    expiresAt: input.expiresAt ?? null,
    createdBy: actor.userId,
    createdAt: now,
  });
  const key = await deps.apiKeys.create(row, async (transaction, created) => {
    await recordEvent(deps, actor, { type: "api_key.created", entity: { type: "api_key", id: created.id, name: created.name }, metadata: { prefix: created.prefix, scopes: created.scopes } }, { transaction });
  });
  return { key, secret };
}
