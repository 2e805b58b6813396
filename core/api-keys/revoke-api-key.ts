import type { Actor } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { Conflict } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ApiKey } from "./api-key-repository.ts";
import { assertNotRevoked, findApiKey } from "./api-key-rules.ts";
import type { ApiKeysDeps } from "./list-api-keys.ts";

/**
 * Revokes a key for good: it stops authenticating at once and the row stays for
 * audit. Revoking a revoked key is a 409. Requires `can_edit_api_key`.
 */
export async function revokeApiKey(deps: ApiKeysDeps & EventDeps, actor: Actor, input: { id: string }): Promise<ApiKey> {
  await authorize(deps, actor, "can_edit_api_key");
  const workspaceId = actor.workspace!.id;
  assertNotRevoked(await findApiKey(deps.apiKeys, workspaceId, input.id));
  const now = deps.now();
  const revoked = await deps.apiKeys.update(workspaceId, input.id, { revokedAt: now, isActive: false }, now, async (transaction, key) => {
    await recordEvent(deps, actor, { type: "api_key.revoked", entity: { type: "api_key", id: key.id, name: key.name }, metadata: { prefix: key.prefix } }, { transaction });
  });
  if (!revoked) throw new Conflict("this API key was revoked meanwhile", { api_key_id: input.id });
  return revoked;
}
