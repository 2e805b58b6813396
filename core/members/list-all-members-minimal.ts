import type { Actor, Role } from "../auth/actor.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { allMembersCacheKey } from "./ensure-member.ts";
import { workspaceOf } from "./member-access.ts";
import type { MemberRepository } from "./member-repository.ts";
import { AVATAR_URL_TTL_SECONDS } from "../accounts/avatar-url.ts";
import { avatarUrl } from "./member-view.ts";

export type ListAllMembersMinimalDeps = {
  members: MemberRepository;
  storage: ObjectStorage;
  cache: Cache;
  permissionOverrides: PermissionOverrides;
};

/** The fields pickers and @mentions need. */
export type MinimalMember = {
  id: string;
  email: string;
  full_name: string;
  display_name: string | null;
  avatar_url: string | null;
  role: Role;
};

// Well under the avatar URLs' lifetime, so a cached list never hands out an expired URL.
const CACHE_TTL_SECONDS = Math.min(300, AVATAR_URL_TTL_SECONDS / 4);

/**
 * Every active member with minimal fields, cached per workspace. Every member change
 * invalidates the cache (`invalidateMemberCache`); the TTL bounds staleness from writers
 * that bypass it.
 */
export async function listAllMembersMinimal(
  deps: ListAllMembersMinimalDeps,
  actor: Actor,
): Promise<{ items: MinimalMember[]; total: number }> {
  await authorize(deps, actor, "can_view_member");
  const ws = workspaceOf(actor);
  const key = allMembersCacheKey(ws.id);
  const cached = await deps.cache.get(key);
  if (cached) return JSON.parse(cached) as { items: MinimalMember[]; total: number };
  const records = await deps.members.listActive(ws);
  const items = await Promise.all(
    records.map(async (record) => ({
      id: record.userId,
      email: record.email,
      full_name: record.fullName,
      display_name: record.displayName,
      avatar_url: await avatarUrl(deps, record),
      role: record.role,
    })),
  );
  const result = { items, total: items.length };
  await deps.cache.set(key, JSON.stringify(result), CACHE_TTL_SECONDS);
  return result;
}
