import type { Kysely } from "kysely";
import { newId } from "../../../core/ids.ts";
import type { AuditEntry, AuditLog } from "../../../core/impersonation/audit-log.ts";
import { jsonb } from "../jsonb.ts";
import type { PlatformDatabase } from "../platform-schema.ts";

/** Audit rows in `public.audit_log`; insert only. */
export class PostgresAuditLog implements AuditLog {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto("audit_log")
      .values({
        id: newId(),
        actor_user_id: entry.actorUserId,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        workspace_id: entry.workspaceId ?? null,
        metadata: jsonb(entry.metadata ?? {}),
        ip: entry.ip ?? null,
      })
      .execute();
  }
}
