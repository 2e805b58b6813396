/** One audited action. */
export type AuditEntry = {
  actorUserId: string | null;
  /** Dotted verb, e.g. `impersonation.issued`. */
  action: string;
  targetType: string;
  targetId: string | null;
  workspaceId?: string | null;
  metadata?: Record<string, unknown>;
  ip?: string | null;
};

/** Append-only record of sensitive actions (platform `audit_log`). */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}
