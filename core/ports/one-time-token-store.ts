/** What a one-time token is for. Each kind is only ever accepted where it belongs. */
export type OneTimeTokenKind = "activation" | "password_reset" | "invitation" | "impersonation" | (string & {});

export type OneTimeTokenRecord = {
  id: string;
  kind: OneTimeTokenKind;
  userId: string | null;
  workspaceId: string | null;
  email: string | null;
  payload: Record<string, unknown>;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
};

export type NewOneTimeToken = {
  kind: OneTimeTokenKind;
  userId?: string | null;
  workspaceId?: string | null;
  email?: string | null;
  payload?: Record<string, unknown>;
  ttlSeconds: number;
};

/**
 * Random 256-bit tokens (activation, password reset, invitation, impersonation),
 * stored by SHA-256 hash only, expiring and single-use.
 */
export interface OneTimeTokenStore {
  /** Creates a token and returns its secret (shown once, e.g. in an email link) with its record. */
  issue(token: NewOneTimeToken, now: Date): Promise<{ token: string; record: OneTimeTokenRecord }>;
  /** The live (unused, unexpired) token of `kind`, without using it; null otherwise. */
  peek(kind: OneTimeTokenKind, token: string, now: Date): Promise<OneTimeTokenRecord | null>;
  /**
   * Uses the token atomically: of two concurrent calls only one gets the record.
   * Null when unknown, of another kind, expired or already used.
   */
  consume(kind: OneTimeTokenKind, token: string, now: Date): Promise<OneTimeTokenRecord | null>;
  /** Marks every live token of `kind` for the user as used (e.g. a new reset link replaces older ones). */
  revokeForUser(kind: OneTimeTokenKind, userId: string, now: Date): Promise<void>;
}
