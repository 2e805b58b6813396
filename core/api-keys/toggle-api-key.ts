import type { Actor } from "../auth/actor.ts";
import { Conflict } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ApiKey } from "./api-key-repository.ts";
import { assertNotRevoked, findApiKey } from "./api-key-rules.ts";
import type { ApiKeysDeps } from "./list-api-keys.ts";

/**
 * Flips a key between enabled and disabled without revoking it. A revoked key
 * cannot be switched back on (409). Requires `can_edit_api_key`.
 */
export async function toggleApiKey(deps: ApiKeysDeps, actor: Actor, input: { id: string }): Promise<ApiKey> {
  await authorize(deps, actor, "can_edit_api_key");
  const workspaceId = actor.workspace!.id;
  const key = await findApiKey(deps.apiKeys, workspaceId, input.id);
  assertNotRevoked(key);
  const updated = await deps.apiKeys.update(workspaceId, key.id, { isActive: !key.isActive }, deps.now());
  if (!updated) throw new Conflict("this API key was revoked meanwhile", { api_key_id: key.id });
  return updated;
}
