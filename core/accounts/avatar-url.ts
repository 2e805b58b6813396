import type { ObjectStorage } from "../ports/object-storage.ts";

/** How long a signed avatar URL in a response stays valid. */
export const AVATAR_URL_TTL_SECONDS = 3600;

/**
 * The URL to show for a stored `users.avatar_url`: external http(s) URLs as they are,
 * uploaded pictures (an object-storage key) as a fresh signed download URL.
 * Other sections showing users (members, comments) should use this too.
 */
export async function resolveAvatarUrl(storage: ObjectStorage, stored: string | null): Promise<string | null> {
  if (!stored) return null;
  if (!isStoredAvatar(stored)) return stored;
  return await storage.signedDownloadUrl(stored, AVATAR_URL_TTL_SECONDS);
}

/** True when `avatar_url` holds an object-storage key (an upload) rather than an external URL. */
export function isStoredAvatar(stored: string): boolean {
  return !/^https?:\/\//i.test(stored);
}
