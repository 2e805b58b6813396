import type { Actor } from "../auth/actor.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { ApiKeyCounts, ApiKeyRepository } from "./api-key-repository.ts";

export type CountApiKeysDeps = {
  apiKeys: ApiKeyRepository;
  permissionOverrides: PermissionOverrides;
  now(): Date;
};

/** How many API keys the actor's workspace has: all, usable now, revoked. */
export async function countApiKeys(deps: CountApiKeysDeps, actor: Actor): Promise<ApiKeyCounts> {
  await authorize(deps, actor, "can_view_api_key");
  return await deps.apiKeys.count(actor.workspace!.id, deps.now());
}
