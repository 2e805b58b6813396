import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { ApiKeysDeps } from "./list-api-keys.ts";

/** Deletes a key and its record for good (revoke keeps the record). Requires `can_delete_api_key`. */
export async function deleteApiKey(deps: ApiKeysDeps, actor: Actor, input: { id: string }): Promise<void> {
  await authorize(deps, actor, "can_delete_api_key");
  if (!(await deps.apiKeys.delete(actor.workspace!.id, input.id))) throw new NotFound("api key", input.id);
}
