import type { InTransaction } from "../events/domain-event.ts";
import type { Role } from "../auth/actor.ts";

/** The workspace a member operation acts in (from `actor.workspace`). */
export type WorkspaceRef = { id: string; schemaName: string };

/** `public.workspace_members.status`: only `active` members may use the workspace. */
export type MembershipStatus = "active" | "inactive" | "removed";

/** One onboarding tour's state for a member. */
export type TourState = { status: "completed" | "skipped"; updated_at: string };

/**
 * A member as the API sees it: the platform membership and user joined with the tenant
 * `members` row. Workspace-specific fields are null (tours empty) until that row exists.
 */
export type MemberRecord = {
  userId: string;
  email: string;
  fullName: string;
  userAvatarUrl: string | null;
  userIsActive: boolean;
  role: Role;
  status: MembershipStatus;
  joinedAt: Date;
  displayName: string | null;
  title: string | null;
  department: string | null;
  phone: string | null;
  avatarKey: string | null;
  tours: Record<string, TourState>;
};

/** Workspace-specific profile fields a member update may change (undefined = unchanged). */
export type MemberProfilePatch = {
  displayName?: string | null;
  title?: string | null;
  department?: string | null;
  phone?: string | null;
};

export type MemberListQuery = {
  /** Case-insensitive match on the user's name or email. */
  search?: string;
  /** Unset: active and inactive members (never removed ones). */
  isActive?: boolean;
  skip: number;
  limit: number;
};

/** A platform user looked up by email. */
export type UserSummary = { id: string; email: string; fullName: string; isActive: boolean };

/**
 * Membership storage. The platform `workspace_members` row is the source of truth for
 * membership and role; the tenant `members` row holds the workspace-specific fields.
 * Every method is scoped to `ws`; a removed membership reads as absent.
 */
export interface MemberRepository {
  list(ws: WorkspaceRef, query: MemberListQuery): Promise<{ items: MemberRecord[]; total: number }>;
  /** Every active member, ordered by name. */
  listActive(ws: WorkspaceRef): Promise<MemberRecord[]>;
  find(ws: WorkspaceRef, userId: string): Promise<MemberRecord | null>;
  findMany(ws: WorkspaceRef, userIds: readonly string[]): Promise<MemberRecord[]>;
  /**
   * Creates the tenant rows that are missing and revives soft-deleted ones (fields cleared).
   * Returns how many rows it created or revived. Use {@link ensureMember}, not this.
   */
  ensureTenantRows(ws: WorkspaceRef, userIds: readonly string[]): Promise<number>;
  findUserByEmail(email: string): Promise<UserSummary | null>;
  /** The membership's status, `removed` included; null when there never was one. */
  membershipStatus(ws: WorkspaceRef, userId: string): Promise<MembershipStatus | null>;
  /**
   * Makes `userId` an active member with `role` (reviving a removed membership), creating
   * the user first (without a password) when `newUser` is given. One platform transaction.
   */
  addMembership(ws: WorkspaceRef, input: { userId: string; role: Role; newUser?: { email: string; fullName: string } }, within?: InTransaction): Promise<void>;
  updateMembership(ws: WorkspaceRef, userId: string, patch: { role?: Role; status?: "active" | "inactive" }, within?: InTransaction): Promise<void>;
  updateProfile(ws: WorkspaceRef, userId: string, patch: MemberProfilePatch): Promise<void>;
  /** Sets the avatar's storage key; returns the previous key. */
  setAvatarKey(ws: WorkspaceRef, userId: string, key: string): Promise<string | null>;
  /** Sets one tour's state, or clears one tour (`reset: id`) or all (`reset: null`); returns the tours. */
  updateTours(
    ws: WorkspaceRef,
    userId: string,
    change: { set: { tourId: string; state: TourState } } | { reset: string | null },
  ): Promise<Record<string, TourState>>;
  /** Membership status `removed`, tenant row soft-deleted, team memberships dropped. */
  remove(ws: WorkspaceRef, userId: string, within?: InTransaction): Promise<void>;
  /** Workspaces the user belongs to (any status but removed). */
  countWorkspaces(userId: string): Promise<number>;
  /** Deletes the tenant row, then the user (which cascades to memberships and sessions). */
  deleteUser(ws: WorkspaceRef, userId: string): Promise<void>;
}
