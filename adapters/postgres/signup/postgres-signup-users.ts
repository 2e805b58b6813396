import { sql, type Kysely, type Selectable } from "kysely";
import type { NewSignupUser, SignupUser, SignupUserStore } from "../../../core/signup/signup-user-store.ts";
import type { PlatformDatabase, UsersTable } from "../platform-schema.ts";

const COLUMNS = ["id", "email", "full_name", "is_active", "is_staff", "is_superuser", "clerk_id"] as const;

/** Users in `public.users` (soft-deleted ones are invisible). */
export class PostgresSignupUsers implements SignupUserStore {
  constructor(private readonly db: Kysely<PlatformDatabase>) {}

  async findByEmail(email: string): Promise<SignupUser | null> {
    const row = await this.db
      .selectFrom("users")
      .select(COLUMNS)
      .where(sql<string>`lower(email)`, "=", email.toLowerCase())
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findById(id: string): Promise<SignupUser | null> {
    const row = await this.db.selectFrom("users").select(COLUMNS).where("id", "=", id).where("deleted_at", "is", null).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findByClerkId(clerkId: string): Promise<SignupUser | null> {
    const row = await this.db
      .selectFrom("users")
      .select(COLUMNS)
      .where("clerk_id", "=", clerkId)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async create(user: NewSignupUser): Promise<SignupUser | null> {
    // Unique indexes on lower(email) and clerk_id decide races between two signups.
    const row = await this.db
      .insertInto("users")
      .values({
        id: user.id,
        email: user.email,
        password_hash: user.passwordHash,
        full_name: user.fullName,
        clerk_id: user.clerkId ?? null,
        email_verified_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom("users").where("id", "=", id).execute();
  }

  async linkClerkId(id: string, clerkId: string): Promise<boolean> {
    try {
      const result = await this.db
        .updateTable("users")
        .set({ clerk_id: clerkId, updated_at: sql`now()` })
        .where("id", "=", id)
        .where("clerk_id", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

function toUser(row: Pick<Selectable<UsersTable>, (typeof COLUMNS)[number]>): SignupUser {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    isActive: row.is_active,
    isStaff: row.is_staff,
    isSuperuser: row.is_superuser,
    clerkId: row.clerk_id,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}
