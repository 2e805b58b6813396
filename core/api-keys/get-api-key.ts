import type { Actor } from "../auth/actor.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ApiKey } from "./api-key-repository.ts";
import { findApiKey } from "./api-key-rules.ts";
import type { ApiKeysDeps } from "./list-api-keys.ts";

/** One of the workspace's keys (prefix only). Requires `can_view_api_key`. */
export async function getApiKey(deps: ApiKeysDeps, actor: Actor, input: { id: string }): Promise<ApiKey> {
  await authorize(deps, actor, "can_view_api_key");
  return findApiKey(deps.apiKeys, actor.workspace!.id, input.id);
}
