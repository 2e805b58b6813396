import { sql, type Kysely } from "kysely";
import type { Role } from "../../../core/auth/actor.ts";
import { Conflict } from "../../../core/errors.ts";
import type { Invitation, InvitationRepository, NewInvitation } from "../../../core/workspaces/invitation-repository.ts";
import type { PlatformDatabase } from "../platform-schema.ts";

const columns = [
  "id",
  "workspace_id",
  "kind",
  "user_id",
  "email",
  "role",
  "status",
  "token_id",
  "invited_by",
  "max_uses",
  "use_count",
  "expires_at",
  "accepted_at",
  "created_at",
] as const;

type Row = {
  id: string;
  workspace_id: string;
  kind: "email" | "link";
  user_id: string | null;
  email: string | null;
  role: Role;
  status: "pending" | "accepted" | "cancelled";
  token_id: string | null;
  invited_by: string | null;
  max_uses: number | null;
  use_count: number;
  expires_at: Date;
  accepted_at: Date | null;
  created_at: Date;
};

function toInvitation(row: Row): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    userId: row.user_id,
    email: row.email,
    role: row.role,
    status: row.status,
    tokenId: row.token_id,
    invitedBy: row.invited_by,
    maxUses: row.max_uses,
    useCount: row.use_count,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    createdAt: row.created_at,
  };
}

/** Invitations in `public.workspace_invitations`; their token secrets live in `one_time_tokens`. */
export class PostgresInvitationRepository implements InvitationRepository {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async create(invitation: NewInvitation, now: Date): Promise<Invitation> {
    const row = await this.db
      .insertInto("workspace_invitations")
      .values({
        id: invitation.id,
        workspace_id: invitation.workspaceId,
        kind: invitation.kind,
        user_id: invitation.userId,
        email: invitation.email?.toLowerCase() ?? null,
        role: invitation.role,
        invited_by: invitation.invitedBy,
        max_uses: invitation.maxUses,
        expires_at: invitation.expiresAt,
        created_at: now,
        updated_at: now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // Two admins inviting the same person at once: the partial unique index lets one win.
        if ((error as { code?: string }).code === "23505") throw new Conflict("this user was just invited; resend the invitation instead");
        throw error;
      });
    return toInvitation(row);
  }

  async findById(id: string, workspaceId?: string): Promise<Invitation | null> {
    let query = this.db.selectFrom("workspace_invitations").select(columns).where("id", "=", id);
    if (workspaceId !== undefined) query = query.where("workspace_id", "=", workspaceId);
    const row = await query.executeTakeFirst();
    return row ? toInvitation(row) : null;
  }

  async findPendingForUser(workspaceId: string, userId: string): Promise<Invitation | null> {
    const row = await this.db
      .selectFrom("workspace_invitations")
      .select(columns)
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .where("kind", "=", "email")
      .where("status", "=", "pending")
      .executeTakeFirst();
    return row ? toInvitation(row) : null;
  }

  async replaceToken(id: string, change: { tokenId: string; expiresAt: Date; role?: Role }, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const previous = await trx
        .selectFrom("workspace_invitations")
        .select("token_id")
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      await trx
        .updateTable("workspace_invitations")
        .set({
          token_id: change.tokenId,
          expires_at: change.expiresAt,
          updated_at: now,
          ...(change.role ? { role: change.role } : {}),
        })
        .where("id", "=", id)
        .execute();
      if (previous?.token_id && previous.token_id !== change.tokenId) {
        await trx.deleteFrom("one_time_tokens").where("id", "=", previous.token_id).execute();
      }
    });
  }

  async markAccepted(id: string, now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable("workspace_invitations")
      .set({ status: "accepted", accepted_at: now, use_count: sql`use_count + 1`, updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .returning("id")
      .executeTakeFirst();
    return row !== undefined;
  }

  async recordLinkUse(id: string, now: Date): Promise<boolean> {
    return await this.db.transaction().execute(async (trx) => {
      // The conditional UPDATE serialises concurrent uses on the row lock: the last seat goes once.
      const row = await trx
        .updateTable("workspace_invitations")
        .set({ use_count: sql`use_count + 1`, updated_at: now })
        .where("id", "=", id)
        .where("kind", "=", "link")
        .where("status", "=", "pending")
        .where("expires_at", ">", now)
        .where((eb) => eb.or([eb("max_uses", "is", null), eb("use_count", "<", eb.ref("max_uses"))]))
        .returning(["use_count", "max_uses", "token_id"])
        .executeTakeFirst();
      if (!row) return false;
      if (row.max_uses !== null && row.use_count >= row.max_uses && row.token_id) {
        await trx.deleteFrom("one_time_tokens").where("id", "=", row.token_id).execute();
      }
      return true;
    });
  }

  async cancel(id: string, now: Date): Promise<boolean> {
    return await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("workspace_invitations")
        .set({ status: "cancelled", cancelled_at: now, updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .returning("token_id")
        .executeTakeFirst();
      if (!row) return false;
      if (row.token_id) await trx.deleteFrom("one_time_tokens").where("id", "=", row.token_id).execute();
      return true;
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.deleteFrom("workspace_invitations").where("id", "=", id).returning("token_id").executeTakeFirst();
      if (row?.token_id) await trx.deleteFrom("one_time_tokens").where("id", "=", row.token_id).execute();
    });
  }
}
