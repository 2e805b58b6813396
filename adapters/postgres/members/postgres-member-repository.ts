import type { InTransaction } from "../../../core/events/domain-event.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import { sql, type Kysely, type Selectable } from "kysely";
import type { Role } from "../../../core/auth/actor.ts";
import { Conflict } from "../../../core/errors.ts";
import type {
  MemberListQuery,
  MemberProfilePatch,
  MemberRecord,
  MemberRepository,
  MembershipStatus,
  TourState,
  UserSummary,
  WorkspaceRef,
} from "../../../core/members/member-repository.ts";
import { jsonb } from "../jsonb.ts";
import type { DatabaseHandle } from "../open-database.ts";
import type { PlatformDatabase } from "../platform-schema.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type { MembersTable } from "../tenant-schema.ts";

type MembershipRow = {
  user_id: string;
  email: string;
  full_name: string;
  avatar_url: string | null;
  user_is_active: boolean;
  role: Role;
  status: string;
  joined_at: Date;
};
type TenantMemberRow = Selectable<MembersTable>;

/** `%`, `_` and `\` match themselves in a search. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Members across both stores: memberships and users in the platform schema (filtered,
 * counted and paged there: the source of truth), then the page's tenant `members` rows
 * through the tenant role. Every query names the workspace.
 */
export class PostgresMemberRepository implements MemberRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  private get db(): Kysely<PlatformDatabase> {
    return this.handle.db;
  }

  private memberships(workspaceId: string) {
    return this.db
      .selectFrom("workspace_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .where("m.workspace_id", "=", workspaceId)
      .where("m.status", "<>", "removed")
      .where("u.deleted_at", "is", null);
  }

  private static readonly columns = [
    "u.id as user_id",
    "u.email",
    "u.full_name",
    "u.avatar_url",
    "u.is_active as user_is_active",
    "m.role",
    "m.status",
    "m.joined_at",
  ] as const;

  /** Joins platform rows with their live tenant rows, keeping the platform order. */
  private async withTenantRows(ws: WorkspaceRef, rows: MembershipRow[]): Promise<MemberRecord[]> {
    if (rows.length === 0) return [];
    const tenantRows = await tenantDatabase(this.handle, ws.schemaName).transaction((trx) =>
      trx
        .selectFrom("members")
        .selectAll()
        .where(
          "user_id",
          "in",
          rows.map((r) => r.user_id),
        )
        .where("deleted_at", "is", null)
        .execute(),
    );
    const byId = new Map(tenantRows.map((r) => [r.user_id, r]));
    return rows.map((row) => toRecord(row, byId.get(row.user_id)));
  }

  async list(ws: WorkspaceRef, query: MemberListQuery): Promise<{ items: MemberRecord[]; total: number }> {
    let base = this.memberships(ws.id);
    if (query.search) {
      const pattern = likePattern(query.search);
      base = base.where((eb) => eb.or([eb("u.full_name", "ilike", pattern), eb("u.email", "ilike", pattern)]));
    }
    if (query.isActive !== undefined) {
      const active = sql<boolean>`(m.status = 'active' and u.is_active)`;
      base = base.where(query.isActive ? active : sql<boolean>`not ${active}`);
    }
    const { total } = await base.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow();
    const rows = await base
      .select(PostgresMemberRepository.columns)
      .orderBy(sql`lower(u.full_name)`)
      .orderBy("u.id")
      .offset(query.skip)
      .limit(query.limit)
      .execute();
    return { items: await this.withTenantRows(ws, rows as MembershipRow[]), total };
  }

  async listActive(ws: WorkspaceRef): Promise<MemberRecord[]> {
    const rows = await this.memberships(ws.id)
      .where("m.status", "=", "active")
      .where("u.is_active", "=", true)
      .select(PostgresMemberRepository.columns)
      .orderBy(sql`lower(u.full_name)`)
      .orderBy("u.id")
      .execute();
    return await this.withTenantRows(ws, rows as MembershipRow[]);
  }

  async find(ws: WorkspaceRef, userId: string): Promise<MemberRecord | null> {
    return (await this.findMany(ws, [userId]))[0] ?? null;
  }

  async findMany(ws: WorkspaceRef, userIds: readonly string[]): Promise<MemberRecord[]> {
    if (userIds.length === 0) return [];
    const rows = await this.memberships(ws.id)
      .where("m.user_id", "in", [...userIds])
      .select(PostgresMemberRepository.columns)
      .orderBy(sql`lower(u.full_name)`)
      .orderBy("u.id")
      .execute();
    return await this.withTenantRows(ws, rows as MembershipRow[]);
  }

  async ensureTenantRows(ws: WorkspaceRef, userIds: readonly string[]): Promise<number> {
    if (userIds.length === 0) return 0;
    const rows = await tenantDatabase(this.handle, ws.schemaName).transaction((trx) =>
      trx
        .insertInto("members")
        .values(userIds.map((user_id) => ({ user_id })))
        .onConflict((oc) =>
          oc
            .column("user_id")
            .doUpdateSet({
              display_name: null,
              title: null,
              department: null,
              phone: null,
              avatar_key: null,
              tours: jsonb({}),
              deleted_at: null,
              created_at: sql`now()`,
              updated_at: sql`now()`,
            })
            .where(sql<boolean>`members.deleted_at is not null`),
        )
        .returning("user_id")
        .execute(),
    );
    return rows.length;
  }

  async findUserByEmail(email: string): Promise<UserSummary | null> {
    const row = await this.db
      .selectFrom("users")
      .select(["id", "email", "full_name", "is_active"])
      .where(sql<string>`lower(email)`, "=", email.toLowerCase())
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return row ? { id: row.id, email: row.email, fullName: row.full_name, isActive: row.is_active } : null;
  }

  async membershipStatus(ws: WorkspaceRef, userId: string): Promise<MembershipStatus | null> {
    const row = await this.db
      .selectFrom("workspace_members")
      .select("status")
      .where("workspace_id", "=", ws.id)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row ? (row.status as MembershipStatus) : null;
  }

  async addMembership(
    ws: WorkspaceRef,
    input: { userId: string; role: Role; newUser?: { email: string; fullName: string } },
    within?: InTransaction,
  ): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        if (input.newUser) {
          await trx
            .insertInto("users")
            .values({ id: input.userId, email: input.newUser.email, full_name: input.newUser.fullName, password_hash: null })
            .execute();
        }
        const row = await trx
          .insertInto("workspace_members")
          .values({ workspace_id: ws.id, user_id: input.userId, role: input.role, status: "active" })
          .onConflict((oc) =>
            oc
              .columns(["workspace_id", "user_id"])
              .doUpdateSet({ role: input.role, status: "active", joined_at: sql`now()` })
              .where("workspace_members.status", "=", "removed"),
          )
          .returning("user_id")
          .executeTakeFirst();
        if (!row) throw new Conflict("this user is already a member of the workspace");
        await within?.(asEventTransaction(trx), undefined);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict("a user with this email already exists or is already a member");
      throw error;
    }
  }

  async updateMembership(
    ws: WorkspaceRef,
    userId: string,
    patch: { role?: Role; status?: "active" | "inactive" },
    within?: InTransaction,
  ): Promise<void> {
    const values = {
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
    };
    if (Object.keys(values).length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("workspace_members")
        .set(values)
        .where("workspace_id", "=", ws.id)
        .where("user_id", "=", userId)
        .where("status", "<>", "removed")
        .execute();
      await within?.(asEventTransaction(trx), undefined);
    });
  }

  async updateProfile(ws: WorkspaceRef, userId: string, patch: MemberProfilePatch): Promise<void> {
    const values = {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.department !== undefined ? { department: patch.department } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    };
    if (Object.keys(values).length === 0) return;
    await tenantDatabase(this.handle, ws.schemaName).transaction((trx) =>
      trx
        .updateTable("members")
        .set({ ...values, updated_at: sql`now()` })
        .where("user_id", "=", userId)
        .where("deleted_at", "is", null)
        .execute(),
    );
  }

  async setAvatarKey(ws: WorkspaceRef, userId: string, key: string): Promise<string | null> {
    return await tenantDatabase(this.handle, ws.schemaName).transaction(async (trx) => {
      const before = await trx
        .selectFrom("members")
        .select("avatar_key")
        .where("user_id", "=", userId)
        .forUpdate()
        .executeTakeFirst();
      await trx.updateTable("members").set({ avatar_key: key, updated_at: sql`now()` }).where("user_id", "=", userId).execute();
      return before?.avatar_key ?? null;
    });
  }

  async updateTours(
    ws: WorkspaceRef,
    userId: string,
    change: { set: { tourId: string; state: TourState } } | { reset: string | null },
  ): Promise<Record<string, TourState>> {
    const tours =
      "set" in change
        ? sql`tours || ${jsonb({ [change.set.tourId]: change.set.state })}`
        : change.reset === null
          ? jsonb({})
          : sql`tours - ${change.reset}::text`;
    const row = await tenantDatabase(this.handle, ws.schemaName).transaction((trx) =>
      trx
        .updateTable("members")
        .set({ tours, updated_at: sql`now()` })
        .where("user_id", "=", userId)
        .where("deleted_at", "is", null)
        .returning("tours")
        .executeTakeFirst(),
    );
    return row?.tours ?? {};
  }

  async remove(ws: WorkspaceRef, userId: string, within?: InTransaction): Promise<void> {
    // Access ends first (the platform row is what the auth middleware reads); the event
    // commits with it.
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("workspace_members")
        .set({ status: "removed" })
        .where("workspace_id", "=", ws.id)
        .where("user_id", "=", userId)
        .execute();
      await within?.(asEventTransaction(trx), undefined);
    });
    await tenantDatabase(this.handle, ws.schemaName).transaction(async (trx) => {
      await trx.deleteFrom("team_members").where("user_id", "=", userId).execute();
      await trx
        .updateTable("members")
        .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
        .where("user_id", "=", userId)
        .where("deleted_at", "is", null)
        .execute();
    });
  }

  async countWorkspaces(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom("workspace_members")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("user_id", "=", userId)
      .where("status", "<>", "removed")
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async deleteUser(ws: WorkspaceRef, userId: string): Promise<void> {
    await tenantDatabase(this.handle, ws.schemaName).transaction((trx) =>
      trx.deleteFrom("members").where("user_id", "=", userId).execute(),
    );
    await this.db.deleteFrom("users").where("id", "=", userId).execute();
  }
}

function toRecord(row: MembershipRow, tenant: TenantMemberRow | undefined): MemberRecord {
  return {
    userId: row.user_id,
    email: row.email,
    fullName: row.full_name,
    userAvatarUrl: row.avatar_url,
    userIsActive: row.user_is_active,
    role: row.role,
    status: row.status as MembershipStatus,
    joinedAt: new Date(row.joined_at),
    displayName: tenant?.display_name ?? null,
    title: tenant?.title ?? null,
    department: tenant?.department ?? null,
    phone: tenant?.phone ?? null,
    avatarKey: tenant?.avatar_key ?? null,
    tours: tenant?.tours ?? {},
  };
}

/** Postgres `unique_violation`, on postgres.js and PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}
