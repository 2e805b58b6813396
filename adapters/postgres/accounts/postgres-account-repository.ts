import { sql, type Kysely } from "kysely";
import type {
  Account,
  AccountCredentials,
  AccountMembership,
  AccountRepository,
  ProfilePatch,
  SharedWorkspace,
} from "../../../core/accounts/account-repository.ts";
import type { Role } from "../../../core/auth/actor.ts";
import { Conflict } from "../../../core/errors.ts";
import type { PlatformDatabase, User, UserUpdate } from "../platform-schema.ts";

const accountColumns = [
  "id",
  "email",
  "password_hash",
  "full_name",
  "title",
  "phone",
  "bio",
  "avatar_url",
  "is_active",
  "is_staff",
  "is_superuser",
  "email_verified_at",
  "last_login_at",
  "created_at",
  "updated_at",
] as const;

type AccountRow = Pick<User, (typeof accountColumns)[number]>;

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    title: row.title,
    phone: row.phone,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    isActive: row.is_active,
    isStaff: row.is_staff,
    isSuperuser: row.is_superuser,
    hasPassword: row.password_hash !== null,
    emailVerifiedAt: row.email_verified_at,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** Accounts in `public.users`, memberships in `public.workspace_members` (platform tables). */
export class PostgresAccountRepository implements AccountRepository {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async findById(userId: string): Promise<Account | null> {
    const row = await this.db
      .selectFrom("users")
      .select(accountColumns)
      .where("id", "=", userId)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async findCredentialsByEmail(email: string): Promise<AccountCredentials | null> {
    const row = await this.db
      .selectFrom("users")
      .select(accountColumns)
      .where(sql`lower(email)`, "=", email.toLowerCase())
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return row ? { account: toAccount(row), passwordHash: row.password_hash } : null;
  }

  async create(
    input: { id: string; email: string; fullName: string; passwordHash: string | null },
    now: Date,
  ): Promise<Account | null> {
    // No conflict target: the only unique index besides the key is lower(email).
    const row = await this.db
      .insertInto("users")
      .values({
        id: input.id,
        email: input.email,
        full_name: input.fullName,
        password_hash: input.passwordHash,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning(accountColumns)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async updateProfile(userId: string, patch: ProfilePatch, now: Date): Promise<Account | null> {
    const set: UserUpdate = { updated_at: now };
    if (patch.fullName !== undefined) set.full_name = patch.fullName;
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.bio !== undefined) set.bio = patch.bio;
    if (patch.avatarUrl !== undefined) set.avatar_url = patch.avatarUrl;
    if (patch.email !== undefined) {
      const taken = await this.db
        .selectFrom("users")
        .select("id")
        .where(sql`lower(email)`, "=", patch.email.toLowerCase())
        .where("id", "<>", userId)
        .executeTakeFirst();
      if (taken) throw new Conflict("another account uses this email", { field: "email" });
      set.email = patch.email;
    }
    // A new address has not been proven to reach the user.
    const verification =
      patch.email !== undefined
        ? { email_verified_at: sql<Date | null>`case when lower(email) = ${patch.email.toLowerCase()} then email_verified_at else null end` }
        : {};
    try {
      const row = await this.db
        .updateTable("users")
        .set({ ...set, ...verification })
        .where("id", "=", userId)
        .where("deleted_at", "is", null)
        .returning(accountColumns)
        .executeTakeFirst();
      return row ? toAccount(row) : null;
    } catch (error) {
      // A concurrent change took the email between the check and the update.
      if (isUniqueViolation(error)) throw new Conflict("another account uses this email", { field: "email" });
      throw error;
    }
  }

  async setPassword(userId: string, passwordHash: string, options: { verifyEmail: boolean }, now: Date): Promise<void> {
    await this.db
      .updateTable("users")
      .set({
        password_hash: passwordHash,
        updated_at: now,
        ...(options.verifyEmail ? { email_verified_at: sql<Date>`coalesce(email_verified_at, ${now})` } : {}),
      })
      .where("id", "=", userId)
      .execute();
  }

  async recordLogin(userId: string, now: Date): Promise<void> {
    await this.db.updateTable("users").set({ last_login_at: now }).where("id", "=", userId).execute();
  }

  async findMembership(workspaceId: string, userId: string): Promise<AccountMembership | null> {
    const row = await this.db
      .selectFrom("workspace_members as m")
      .innerJoin("workspaces as w", "w.id", "m.workspace_id")
      .select(["w.id", "w.name", "w.slug", "m.role", "m.status", "m.joined_at"])
      .where("m.workspace_id", "=", workspaceId)
      .where("m.user_id", "=", userId)
      .where("w.status", "=", "active")
      .where("w.deleted_at", "is", null)
      .executeTakeFirst();
    return row
      ? {
          workspaceId: row.id,
          workspaceName: row.name,
          workspaceSlug: row.slug,
          role: row.role as Role,
          status: row.status,
          joinedAt: row.joined_at,
        }
      : null;
  }

  async sharedWorkspaces(callerId: string, targetId: string): Promise<SharedWorkspace[]> {
    const rows = await this.db
      .selectFrom("workspace_members as caller")
      .innerJoin("workspace_members as target", "target.workspace_id", "caller.workspace_id")
      .innerJoin("workspaces as w", "w.id", "caller.workspace_id")
      .select(["w.id", "caller.role as caller_role", "target.role as target_role"])
      .where("caller.user_id", "=", callerId)
      .where("target.user_id", "=", targetId)
      .where("caller.status", "=", "active")
      .where("w.status", "=", "active")
      .where("w.deleted_at", "is", null)
      .orderBy("w.id")
      .execute();
    return rows.map((row) => ({
      workspaceId: row.id,
      callerRole: row.caller_role as Role,
      targetRole: row.target_role as Role,
    }));
  }

  async setRole(workspaceId: string, userId: string, role: Role): Promise<void> {
    await this.db
      .updateTable("workspace_members")
      .set({ role })
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .execute();
  }
}
