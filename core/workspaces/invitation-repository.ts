import type { Role } from "../auth/actor.ts";

export type InvitationKind = "email" | "link";
export type InvitationStatus = "pending" | "accepted" | "cancelled";

/**
 * An invitation to a workspace: personal (`email`, one registered user) or a shareable
 * `link`. The token secret is a one-time token; `tokenId` names the current one.
 */
export type Invitation = {
  id: string;
  workspaceId: string;
  kind: InvitationKind;
  userId: string | null;
  email: string | null;
  role: Role;
  status: InvitationStatus;
  tokenId: string | null;
  invitedBy: string | null;
  maxUses: number | null;
  useCount: number;
  expiresAt: Date;
  acceptedAt: Date | null;
  createdAt: Date;
};

export type NewInvitation = {
  id: string;
  workspaceId: string;
  kind: InvitationKind;
  userId: string | null;
  email: string | null;
  role: Role;
  invitedBy: string | null;
  maxUses: number | null;
  expiresAt: Date;
};

/** Storage of workspace invitations (platform `workspace_invitations`). */
export interface InvitationRepository {
  create(invitation: NewInvitation, now: Date): Promise<Invitation>;
  /** Any status; null when unknown. Pass `workspaceId` to scope the lookup. */
  findById(id: string, workspaceId?: string): Promise<Invitation | null>;
  /** The open personal invitation of a user to a workspace. */
  findPendingForUser(workspaceId: string, userId: string): Promise<Invitation | null>;
  /**
   * Points the invitation at a new token (and role/expiry), deleting the previous token so
   * its link stops working at once.
   */
  replaceToken(id: string, change: { tokenId: string; expiresAt: Date; role?: Role }, now: Date): Promise<void>;
  /** pending -> accepted; false when it was no longer pending. */
  markAccepted(id: string, now: Date): Promise<boolean>;
  /**
   * Counts one use of a pending, unexpired link below its `maxUses`; false otherwise.
   * A link that reaches `maxUses` loses its token.
   */
  recordLinkUse(id: string, now: Date): Promise<boolean>;
  /** pending -> cancelled and its token deleted; false when it was no longer pending. */
  cancel(id: string, now: Date): Promise<boolean>;
  /** Deletes the invitation and its token (removing a pending invitee). */
  delete(id: string): Promise<void>;
}
