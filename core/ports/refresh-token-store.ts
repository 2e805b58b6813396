export type RefreshTokenRecord = {
  id: string;
  userId: string;
  /** Every token rotated from one login shares a family: the session id. */
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  replacedBy: string | null;
  /** The staff user when this is an impersonation session; null otherwise. */
  impersonatorId: string | null;
};

export type NewRefreshToken = Omit<RefreshTokenRecord, "revokedAt" | "replacedBy" | "impersonatorId"> & {
  impersonatorId?: string | null;
  userAgent?: string | null;
  ip?: string | null;
};

/** Refresh tokens, stored by SHA-256 hash only. */
export interface RefreshTokenStore {
  insert(token: NewRefreshToken): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /**
   * Atomically revokes `oldId` (recording `next.id` as its replacement) and
   * inserts `next`, only if `oldId` was still live. False when it was not: a
   * concurrent or repeated use of the same refresh token.
   */
  rotate(oldId: string, next: NewRefreshToken, now: Date): Promise<boolean>;
  /** Revokes every live token of the family (logout; reuse detected). */
  revokeFamily(familyId: string, now: Date): Promise<void>;
  /** Revokes every live token of the user (password reset; account disabled). */
  revokeAllForUser(userId: string, now: Date): Promise<void>;
}
