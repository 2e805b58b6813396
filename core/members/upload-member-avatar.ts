import type { Actor } from "../auth/actor.ts";
import { newId } from "../ids.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { detectAvatarImage } from "./avatar-image.ts";
import { ensureMember, invalidateMemberCache } from "./ensure-member.ts";
import { assertCanActOn, requireMember, workspaceOf } from "./member-access.ts";
import type { MemberRepository } from "./member-repository.ts";
import { AVATAR_URL_TTL_SECONDS } from "../accounts/avatar-url.ts";

export type UploadMemberAvatarDeps = {
  members: MemberRepository;
  storage: ObjectStorage;
  cache: Cache;
  permissionOverrides: PermissionOverrides;
};

export type AvatarUpload = { member_id: string; avatar_url: string; content_type: string; size: number; expires_in: number };

/**
 * Stores a member's workspace avatar. Members may set their own; setting someone else's
 * needs `can_edit_member` and a role at least theirs. The previous file is deleted.
 */
export async function uploadMemberAvatar(
  deps: UploadMemberAvatarDeps,
  actor: Actor,
  input: { memberId: string; bytes: Uint8Array },
): Promise<AvatarUpload> {
  const ws = workspaceOf(actor);
  const member = await requireMember(deps, ws, input.memberId);
  if (member.userId !== actor.userId) {
    await authorize(deps, actor, "can_edit_member");
    assertCanActOn(actor, member);
  }
  const image = detectAvatarImage(input.bytes);
  const key = `ws/${ws.id}/avatars/${member.userId}/${newId()}.${image.extension}`;
  const stored = await deps.storage.put(key, input.bytes, { contentType: image.type });
  await ensureMember(deps, ws, member.userId);
  const previous = await deps.members.setAvatarKey(ws, member.userId, key);
  if (previous && previous !== key) await deps.storage.delete(previous);
  await invalidateMemberCache(deps, ws.id);
  return {
    member_id: member.userId,
    avatar_url: await deps.storage.signedDownloadUrl(key, AVATAR_URL_TTL_SECONDS),
    content_type: image.type,
    size: stored.size,
    expires_in: AVATAR_URL_TTL_SECONDS,
  };
}
