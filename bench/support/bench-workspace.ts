import { createTenantSchema } from "../../adapters/postgres/migrator.ts";
import type { Services } from "../../app/composition/services.ts";
import type { Actor } from "../../core/auth/actor.ts";
import { newId } from "../../core/ids.ts";

export type BenchWorkspace = { ws: { id: string; schemaName: string }; owner: string; actor: Actor };

/**
 * The bench workspace with this slug, created on first use (owner, tenant schema, owner
 * membership) and found again on later runs, so a suite's seeded data is reused.
 */
export async function benchWorkspace(services: Services, slug: string, name: string): Promise<BenchWorkspace> {
  const db = services.database.db;
  const existing = await db.selectFrom("workspaces").select(["id", "schema_name", "owner_id"]).where("slug", "=", slug).executeTakeFirst();
  let ws: { id: string; schemaName: string };
  let owner: string;
  if (existing) {
    ws = { id: existing.id, schemaName: existing.schema_name };
    owner = existing.owner_id!;
  } else {
    owner = newId();
    await db.insertInto("users").values({ id: owner, email: `bench-${owner}@example.test`, full_name: "Bench", is_active: true }).execute();
    const id = newId();
    ws = { id, schemaName: await createTenantSchema(db, id) };
    await db.insertInto("workspaces").values({ id, name, slug, schema_name: ws.schemaName, owner_id: owner }).execute();
    await db.insertInto("workspace_members").values({ workspace_id: id, user_id: owner, role: "owner" }).execute();
  }
  const actor: Actor = { kind: "user", userId: owner, sessionId: "bench", isStaff: false, isSuperuser: false, workspace: { ...ws, role: "owner" } };
  return { ws, owner, actor };
}
