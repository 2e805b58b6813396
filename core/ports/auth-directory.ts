import type { Role } from "../auth/actor.ts";

export type UserStanding = {
  id: string;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
};

export type MembershipStanding = {
  workspaceId: string;
  schemaName: string;
  role: Role;
};

export type ApiKeyStanding = {
  id: string;
  workspaceId: string;
  schemaName: string;
  scopes: string[];
  createdBy: string | null;
  isActive: boolean;
  revokedAt: Date | null;
  expiresAt: Date | null;
};

/** What a Bearer request's auth needs, from one lookup. */
export type PrincipalStanding = {
  /** The user unless deleted. */
  user: UserStanding | null;
  /** True while the session (refresh-token family) has an unrevoked, unexpired token. */
  sessionActive: boolean;
  /** The membership in the asked workspace (as `findMembership`); null when not asked or none. */
  membership: MembershipStanding | null;
};

/**
 * The lookups the auth middleware needs on every request, kept narrow so they
 * can be served by indexed point queries (and cached later if needed).
 */
export interface AuthDirectory {
  /** The user unless deleted. */
  findUser(userId: string): Promise<UserStanding | null>;
  /** True while the session (refresh-token family) has an unrevoked, unexpired token. */
  isSessionActive(sessionId: string, now: Date): Promise<boolean>;
  /**
   * `findUser`, `isSessionActive` and (with `workspaceId`) `findMembership` in one round
   * trip: the fixed cost every authenticated request pays.
   */
  findPrincipal(input: { userId: string; sessionId: string; now: Date; workspaceId?: string | undefined }): Promise<PrincipalStanding>;
  /** Active membership in an active, not deleted workspace; null otherwise. */
  findMembership(workspaceId: string, userId: string): Promise<MembershipStanding | null>;
  /** The API key with this SHA-256 hash, whatever its state. */
  findApiKeyByHash(keyHash: string): Promise<ApiKeyStanding | null>;
  /** Records use (throttled by the adapter: at most once a minute per key). */
  touchApiKey(id: string, now: Date): Promise<void>;
}
