import type { Role } from "../auth/actor.ts";

/** A workspace as the Workspaces section shows it. */
export type Workspace = {
  id: string;
  name: string;
  slug: string;
  /** The tenant schema holding the workspace's data. */
  schemaName: string;
  plan: string;
  status: string;
  ownerId: string | null;
  settings: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
};

/** A workspace seen by one of its members. */
export type MemberWorkspace = Workspace & { role: Role; joinedAt: Date };

/** The parts of a user account invitations and member administration need. */
export type UserAccount = {
  id: string;
  email: string;
  fullName: string;
  hasPassword: boolean;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
};

/** A member's standing in a workspace (removed memberships read as absent). */
export type Membership = { workspaceId: string; userId: string; role: Role; status: string; joinedAt: Date };

/** One row of the workspace member listing: an active member or a pending invitation. */
export type WorkspaceMemberEntry = {
  /** The user id for members; the invitation id for pending invitations. */
  id: string;
  kind: "member" | "invitation";
  userId: string;
  email: string;
  fullName: string;
  role: Role;
  /** `active` (or another membership status) for members, `pending` for invitations. */
  status: string;
  joinedAt: Date | null;
  invitedAt: Date | null;
  expiresAt: Date | null;
};

export type Page = { page: number; pageSize: number };
export type Paged<T> = { items: T[]; total: number };

/**
 * Storage of workspaces, reads of their memberships, and settings (platform `workspaces`,
 * `workspace_members`, `workspace_settings`, read-only `users`). Workspace-scoped methods
 * only see active, not deleted workspaces.
 */
export interface WorkspaceRepository {
  listForUser(userId: string, query: Page & { search?: string }): Promise<Paged<MemberWorkspace>>;
  /** The workspace when `userId` is an active member of it; null otherwise (unknown or not theirs). */
  findForMember(workspaceId: string, userId: string): Promise<MemberWorkspace | null>;
  /** The workspace whatever the caller (staff tools, after provisioning). */
  findById(workspaceId: string): Promise<Workspace | null>;
  /** Applies the patch (settings are merged key by key) and returns the workspace. Throws `Conflict` on a taken slug. */
  update(workspaceId: string, patch: { name?: string; slug?: string; settings?: Record<string, unknown> }, now: Date): Promise<Workspace | null>;

  findUserById(userId: string): Promise<UserAccount | null>;
  /** Case-insensitive, never a deleted user. */
  findUserByEmail(email: string): Promise<UserAccount | null>;
  /** Sets the password and marks the email verified (the user proved they read our mail). */
  setPassword(userId: string, passwordHash: string, now: Date): Promise<void>;

  /** The membership unless absent or removed. */
  findMember(workspaceId: string, userId: string): Promise<Membership | null>;
  /** Active owners of the workspace. */
  countActiveOwners(workspaceId: string): Promise<number>;
  /** Active members and pending personal invitations, by name; `search` matches name or email. */
  listMembers(workspaceId: string, query: Page & { search?: string; status?: "active" | "pending" }, now: Date): Promise<Paged<WorkspaceMemberEntry>>;
}
