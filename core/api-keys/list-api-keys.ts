import type { Actor } from "../auth/actor.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { ApiKey, ApiKeyRepository } from "./api-key-repository.ts";

export type ApiKeysDeps = {
  apiKeys: ApiKeyRepository;
  permissionOverrides: PermissionOverrides;
  now(): Date;
};

export type ListApiKeysInput = { skip?: number; limit?: number; isActive?: boolean; isRevoked?: boolean };

/** A page of the workspace's keys, newest first (prefixes only). Requires `can_view_api_key`. */
export async function listApiKeys(
  deps: ApiKeysDeps,
  actor: Actor,
  input: ListApiKeysInput = {},
): Promise<{ items: ApiKey[]; total: number; skip: number; limit: number }> {
  await authorize(deps, actor, "can_view_api_key");
  const skip = input.skip ?? 0;
  const limit = input.limit ?? 50;
  const page = await deps.apiKeys.list(actor.workspace!.id, {
    skip,
    limit,
    ...(input.isActive === undefined ? {} : { isActive: input.isActive }),
    ...(input.isRevoked === undefined ? {} : { isRevoked: input.isRevoked }),
  });
  return { ...page, skip, limit };
}
