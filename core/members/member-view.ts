import type { Role } from "../auth/actor.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import type { MemberRecord, MembershipStatus, TourState } from "./member-repository.ts";

import { AVATAR_URL_TTL_SECONDS, resolveAvatarUrl } from "../accounts/avatar-url.ts";

/** A member as returned by the API (`id` is the user's id). */
export type MemberView = {
  id: string;
  user_id: string;
  email: string;
  full_name: string;
  display_name: string | null;
  avatar_url: string | null;
  role: Role;
  status: Exclude<MembershipStatus, "removed">;
  is_active: boolean;
  title: string | null;
  department: string | null;
  phone: string | null;
  joined_at: string;
};

/** The caller's own member profile, with onboarding state. */
export type MyMemberView = MemberView & { tours: Record<string, TourState> };

/**
 * The workspace avatar (signed URL) when there is one, else the user's own avatar
 * (an external URL as is, an uploaded picture as a fresh signed URL: never a bare key).
 */
export async function avatarUrl(deps: { storage: ObjectStorage }, record: MemberRecord): Promise<string | null> {
  if (record.avatarKey) return await deps.storage.signedDownloadUrl(record.avatarKey, AVATAR_URL_TTL_SECONDS);
  return await resolveAvatarUrl(deps.storage, record.userAvatarUrl);
}

/** The API view of a member record. */
export async function toMemberView(deps: { storage: ObjectStorage }, record: MemberRecord): Promise<MemberView> {
  return {
    id: record.userId,
    user_id: record.userId,
    email: record.email,
    full_name: record.fullName,
    display_name: record.displayName,
    avatar_url: await avatarUrl(deps, record),
    role: record.role,
    status: record.status === "removed" ? "inactive" : record.status,
    is_active: record.status === "active" && record.userIsActive,
    title: record.title,
    department: record.department,
    phone: record.phone,
    joined_at: record.joinedAt.toISOString(),
  };
}
