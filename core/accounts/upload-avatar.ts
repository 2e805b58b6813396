import type { Actor } from "../auth/actor.ts";
import { NotFound, PayloadTooLarge, UnsupportedMediaType } from "../errors.ts";
import { newId } from "../ids.ts";
import type { AccountDeps } from "./account-deps.ts";
import { viewAccount, type AccountView } from "./account-view.ts";
import { isStoredAvatar } from "./avatar-url.ts";
import { requireUserId } from "./get-current-user.ts";
import { sniffImageType } from "./image-type.ts";
import { requireAccessToUser } from "./user-access.ts";

export type UploadAvatarDeps = Pick<AccountDeps, "accounts" | "storage" | "now">;
export type UploadAvatarInput = {
  /** Omitted: the caller's own picture. */
  userId?: string;
  bytes: Uint8Array;
};

/** Largest accepted profile picture. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Stores a profile picture (PNG, JPEG, WebP or GIF by content, at most 5 MB) and points the
 * user's avatar_url at it. Key: `ws/<workspace>/profile-image/<uuid>.<ext>`, where the
 * workspace is the one that granted access to another user, or `users` for one's own.
 */
export async function uploadAvatar(deps: UploadAvatarDeps, actor: Actor, input: UploadAvatarInput): Promise<AccountView> {
  const callerId = requireUserId(actor);
  const access =
    input.userId === undefined || input.userId === callerId
      ? { targetId: callerId, folder: "users" }
      : await requireAccessToUser(deps, actor, input.userId, "write").then((a) => ({
          targetId: a.target.id,
          folder: a.via?.workspaceId ?? "users",
        }));

  if (input.bytes.byteLength > AVATAR_MAX_BYTES) {
    throw new PayloadTooLarge(`the picture is larger than ${AVATAR_MAX_BYTES / (1024 * 1024)} MB`, {
      max_bytes: AVATAR_MAX_BYTES,
    });
  }
  const type = sniffImageType(input.bytes);
  if (!type) throw new UnsupportedMediaType("the picture must be a PNG, JPEG, WebP or GIF image");

  const previous = (await deps.accounts.findById(access.targetId))?.avatarUrl ?? null;
  const key = `ws/${access.folder}/profile-image/${newId()}.${type.extension}`;
  await deps.storage.put(key, input.bytes, { contentType: type.contentType });
  const account = await deps.accounts.updateProfile(access.targetId, { avatarUrl: key }, deps.now());
  if (!account) {
    await deps.storage.delete(key);
    throw new NotFound("user", access.targetId);
  }
  // The replaced upload is no longer referenced; external URLs and other sections' keys are not ours.
  if (previous && isStoredAvatar(previous) && previous.includes("/profile-image/")) await deps.storage.delete(previous);
  return await viewAccount(deps, account);
}
