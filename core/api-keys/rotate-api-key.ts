import type { Actor } from "../auth/actor.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { Conflict } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ApiKey } from "./api-key-repository.ts";
import { assertNotRevoked, findApiKey, mintApiKey } from "./api-key-rules.ts";
import type { ApiKeysDeps } from "./list-api-keys.ts";

/**
 * Replaces a key: a new key with the same name, scopes and expiry, and the old
 * one revoked, in one transaction. The new secret is returned once. A revoked
 * key cannot be rotated (409). Requires `can_edit_api_key`.
 */
export async function rotateApiKey(
  deps: ApiKeysDeps & EventDeps,
  actor: Actor,
  input: { id: string },
): Promise<{ key: ApiKey; secret: string; replaced: ApiKey }> {
  await authorize(deps, actor, "can_edit_api_key");
  const workspaceId = actor.workspace!.id;
  const old = await findApiKey(deps.apiKeys, workspaceId, input.id);
  assertNotRevoked(old);
  const now = deps.now();
  const { secret, row } = mintApiKey({
    workspaceId,
    name: old.name,
    scopes: old.scopes,
    expiresAt: old.expiresAt,
    createdBy: actor.userId,
    createdAt: now,
  });
  const rotated = await deps.apiKeys.rotate(workspaceId, old.id, row, now, async (transaction, { created, revoked }) => {
    await recordEvent(deps, actor, { type: "api_key.rotated", entity: { type: "api_key", id: created.id, name: created.name }, metadata: { replaced_id: revoked.id, prefix: created.prefix } }, { transaction });
  });
  if (!rotated) throw new Conflict("this API key was revoked meanwhile", { api_key_id: old.id });
  return { key: rotated.created, secret, replaced: rotated.revoked };
}
