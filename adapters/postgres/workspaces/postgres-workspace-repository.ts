import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Role } from "../../../core/auth/actor.ts";
import { Conflict } from "../../../core/errors.ts";
import type {
  Membership,
  MemberWorkspace,
  Page,
  Paged,
  UserAccount,
  Workspace,
  WorkspaceMemberEntry,
  WorkspaceRepository,
} from "../../../core/workspaces/workspace-repository.ts";
import { jsonb } from "../jsonb.ts";
import type { PlatformDatabase } from "../platform-schema.ts";

type WorkspaceRow = {
  id: string;
  name: string;
  slug: string;
  schema_name: string;
  plan: string;
  status: string;
  owner_id: string | null;
  settings: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
};

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    schemaName: row.schema_name,
    plan: row.plan,
    status: row.status,
    ownerId: row.owner_id,
    settings: row.settings ?? {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type UserRow = {
  id: string;
  email: string;
  full_name: string;
  has_password: boolean;
  is_active: boolean;
  is_staff: boolean;
  is_superuser: boolean;
};

function toUser(row: UserRow): UserAccount {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    hasPassword: row.has_password,
    isActive: row.is_active,
    isStaff: row.is_staff,
    isSuperuser: row.is_superuser,
  };
}

/** `%term%` for ILIKE, with the pattern characters of the term escaped. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Workspaces and memberships in the platform schema; live workspaces only. */
export class PostgresWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  private workspaces() {
    return this.db
      .selectFrom("workspaces as w")
      .leftJoin("workspace_settings as s", "s.workspace_id", "w.id")
      .select(["w.id", "w.name", "w.slug", "w.schema_name", "w.plan", "w.status", "w.owner_id", "s.settings", "w.created_at", "w.updated_at"])
      .where("w.deleted_at", "is", null);
  }

  async listForUser(userId: string, query: Page & { search?: string }): Promise<Paged<MemberWorkspace>> {
    let base = this.workspaces()
      .innerJoin("workspace_members as m", "m.workspace_id", "w.id")
      .where("m.user_id", "=", userId)
      .where("m.status", "=", "active")
      .where("w.status", "=", "active");
    if (query.search) base = base.where("w.name", "ilike", containsPattern(query.search));
    const [rows, count] = await Promise.all([
      base
        .select(["m.role", "m.joined_at"])
        .orderBy("w.name")
        .orderBy("w.id")
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      base.clearSelect().select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => ({ ...toWorkspace(row), role: row.role as Role, joinedAt: row.joined_at })),
      total: count.total,
    };
  }

  async findForMember(workspaceId: string, userId: string): Promise<MemberWorkspace | null> {
    const row = await this.workspaces()
      .innerJoin("workspace_members as m", "m.workspace_id", "w.id")
      .select(["m.role", "m.joined_at"])
      .where("w.id", "=", workspaceId)
      .where("w.status", "=", "active")
      .where("m.user_id", "=", userId)
      .where("m.status", "=", "active")
      .executeTakeFirst();
    return row ? { ...toWorkspace(row), role: row.role as Role, joinedAt: row.joined_at } : null;
  }

  async findById(workspaceId: string): Promise<Workspace | null> {
    const row = await this.workspaces().where("w.id", "=", workspaceId).executeTakeFirst();
    return row ? toWorkspace(row) : null;
  }

  async update(
    workspaceId: string,
    patch: { name?: string; slug?: string; settings?: Record<string, unknown> },
    now: Date,
  ): Promise<Workspace | null> {
    const found = await this.db.transaction().execute(async (trx) => {
      const values = {
        updated_at: now,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
      };
      if (patch.slug !== undefined) {
        const taken = await trx
          .selectFrom("workspaces")
          .select("id")
          .where("slug", "=", patch.slug)
          .where("id", "<>", workspaceId)
          .executeTakeFirst();
        if (taken) throw new Conflict(`the slug ${patch.slug} is already taken`);
      }
      const updated = await trx
        .updateTable("workspaces")
        .set(values)
        .where("id", "=", workspaceId)
        .where("deleted_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!updated) return false;
      if (patch.settings !== undefined) {
        // jsonb `||` merges top-level keys, so callers can change one setting at a time.
        await trx
          .insertInto("workspace_settings")
          .values({ workspace_id: workspaceId, settings: jsonb(patch.settings), updated_at: now })
          .onConflict((oc) =>
            oc.column("workspace_id").doUpdateSet({
              settings: sql`workspace_settings.settings || excluded.settings`,
              updated_at: now,
            }),
          )
          .execute();
      }
      return true;
    });
    return found ? await this.findById(workspaceId) : null;
  }

  private users() {
    return this.db
      .selectFrom("users")
      .select([
        "id",
        "email",
        "full_name",
        sql<boolean>`password_hash is not null`.as("has_password"),
        "is_active",
        "is_staff",
        "is_superuser",
      ])
      .where("deleted_at", "is", null);
  }

  async findUserById(userId: string): Promise<UserAccount | null> {
    const row = await this.users().where("id", "=", userId).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findUserByEmail(email: string): Promise<UserAccount | null> {
    const row = await this.users()
      .where(sql<string>`lower(email)`, "=", email.trim().toLowerCase())
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async setPassword(userId: string, passwordHash: string, now: Date): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ password_hash: passwordHash, email_verified_at: sql`coalesce(email_verified_at, ${now})`, updated_at: now })
      .where("id", "=", userId)
      .execute();
  }

  async findMember(workspaceId: string, userId: string): Promise<Membership | null> {
    const row = await this.db
      .selectFrom("workspace_members")
      .select(["workspace_id", "user_id", "role", "status", "joined_at"])
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .where("status", "<>", "removed")
      .executeTakeFirst();
    return row
      ? { workspaceId: row.workspace_id, userId: row.user_id, role: row.role, status: row.status, joinedAt: row.joined_at }
      : null;
  }

  async countActiveOwners(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom("workspace_members")
      .select(sql<number>`count(*)::int`.as("total"))
      .where("workspace_id", "=", workspaceId)
      .where("role", "=", "owner")
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    return row.total;
  }

  async listMembers(
    workspaceId: string,
    query: Page & { search?: string; status?: "active" | "pending" },
    now: Date,
  ): Promise<Paged<WorkspaceMemberEntry>> {
    const members = this.db
      .selectFrom("workspace_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select([
        "u.id as id",
        sql<string>`'member'`.as("kind"),
        "u.id as user_id",
        "u.email",
        "u.full_name",
        "m.role",
        "m.status",
        sql<Date | null>`m.joined_at`.as("joined_at"),
        sql<Date | null>`null::timestamptz`.as("invited_at"),
        sql<Date | null>`null::timestamptz`.as("expires_at"),
      ])
      .where("m.workspace_id", "=", workspaceId)
      .where("m.status", "<>", "removed")
      .where("u.deleted_at", "is", null);
    const invitations = this.db
      .selectFrom("workspace_invitations as i")
      .innerJoin("users as u", "u.id", "i.user_id")
      .select([
        "i.id as id",
        sql<string>`'invitation'`.as("kind"),
        "u.id as user_id",
        "u.email",
        "u.full_name",
        "i.role",
        sql<string>`'pending'`.as("status"),
        sql<Date | null>`null::timestamptz`.as("joined_at"),
        sql<Date | null>`i.created_at`.as("invited_at"),
        sql<Date | null>`i.expires_at`.as("expires_at"),
      ])
      .where("i.workspace_id", "=", workspaceId)
      .where("i.kind", "=", "email")
      .where("i.status", "=", "pending")
      .where("i.expires_at", ">", now)
      .where("u.deleted_at", "is", null)
      // Someone added by another route since the invitation shows once, as the member.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("workspace_members as wm")
              .select("wm.user_id")
              .whereRef("wm.workspace_id", "=", "i.workspace_id")
              .whereRef("wm.user_id", "=", "i.user_id")
              .where("wm.status", "<>", "removed"),
          ),
        ),
      );
    const parts =
      query.status === "active" ? members : query.status === "pending" ? invitations : members.unionAll(invitations);
    let entries = this.db.selectFrom(parts.as("e")).selectAll();
    if (query.search) {
      const pattern = containsPattern(query.search);
      entries = entries.where((eb) => eb.or([eb("e.full_name", "ilike", pattern), eb("e.email", "ilike", pattern)]));
    }
    const [rows, count] = await Promise.all([
      entries
        .orderBy("e.kind", "desc")
        .orderBy(sql`lower(e.full_name)`)
        .orderBy("e.email")
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      countOf(entries),
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind as "member" | "invitation",
        userId: row.user_id,
        email: row.email,
        fullName: row.full_name,
        role: row.role as Role,
        status: row.status,
        joinedAt: row.joined_at,
        invitedAt: row.invited_at,
        expiresAt: row.expires_at,
      })),
      total: count,
    };
  }
}

async function countOf<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query.clearSelect().select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow();
  return (row as { total: number }).total;
}
