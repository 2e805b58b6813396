import type { Role } from "../auth/actor.ts";

/** A user account as the Authentication section sees it (never the password hash). */
export type Account = {
  id: string;
  email: string;
  fullName: string;
  title: string | null;
  phone: string | null;
  bio: string | null;
  /** An external http(s) URL, or the object-storage key of an uploaded picture. */
  avatarUrl: string | null;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  /** False for accounts created by invitation or provisioning that were never activated. */
  hasPassword: boolean;
  emailVerifiedAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The account plus its password hash, only for credential checks. */
export type AccountCredentials = { account: Account; passwordHash: string | null };

/** Profile fields a user may change; `undefined` leaves a field alone, `null` clears it. */
export type ProfilePatch = {
  fullName?: string;
  email?: string;
  title?: string | null;
  phone?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
};

/** A membership of a user in an active workspace. */
export type AccountMembership = {
  workspaceId: string;
  workspaceName: string;
  workspaceSlug: string;
  role: Role;
  status: string;
  joinedAt: Date;
};

/** A workspace two users both belong to, with each one's role there. */
export type SharedWorkspace = { workspaceId: string; callerRole: Role; targetRole: Role };

/** Storage of user accounts (platform `users` and `workspace_members` tables). */
export interface AccountRepository {
  /** The account unless deleted. */
  findById(userId: string): Promise<Account | null>;
  /** The account with this email (case-insensitive) and its hash, unless deleted. */
  findCredentialsByEmail(email: string): Promise<AccountCredentials | null>;
  /** Inserts a user; null when the email is taken (case-insensitive). */
  create(input: { id: string; email: string; fullName: string; passwordHash: string | null }, now: Date): Promise<Account | null>;
  /**
   * Applies the patch and returns the account; null when the user is gone.
   * Throws `Conflict` when the new email belongs to another account.
   */
  updateProfile(userId: string, patch: ProfilePatch, now: Date): Promise<Account | null>;
  /** Sets the password hash; `verifyEmail` also marks the email verified (it received our link). */
  setPassword(userId: string, passwordHash: string, options: { verifyEmail: boolean }, now: Date): Promise<void>;
  recordLogin(userId: string, now: Date): Promise<void>;
  /** The user's membership in an active, not deleted workspace. */
  findMembership(workspaceId: string, userId: string): Promise<AccountMembership | null>;
  /** Active workspaces where both users are active members, with their roles. */
  sharedWorkspaces(callerId: string, targetId: string): Promise<SharedWorkspace[]>;
  setRole(workspaceId: string, userId: string, role: Role): Promise<void>;
}
