import { sql } from "kysely";
import type { MemberItem, MemberItemScope, MemberItemSource } from "../../../core/members/member-item-sources.ts";
import { unwrapItemScope } from "../members/postgres-member-item-transactions.ts";

/** Teams a member leads. Reassigning makes the target the lead and keeps the old lead as a member. */
export const teamLeadItemSource: MemberItemSource = {
  type: "team",
  async count(scope: MemberItemScope, memberId: string): Promise<number> {
    const trx = await unwrapItemScope(scope).tenant();
    const row = await trx
      .selectFrom("team_members")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("user_id", "=", memberId)
      .where("role", "=", "lead")
      .executeTakeFirstOrThrow();
    return row.n;
  },
  async list(scope: MemberItemScope, memberId: string): Promise<MemberItem[]> {
    const trx = await unwrapItemScope(scope).tenant();
    const rows = await trx
      .selectFrom("team_members as tm")
      .innerJoin("teams as t", "t.id", "tm.team_id")
      .select(["t.id", "t.name"])
      .where("tm.user_id", "=", memberId)
      .where("tm.role", "=", "lead")
      .orderBy(sql`lower(t.name)`)
      .execute();
    return rows.map((r) => ({ type: "team", id: r.id, name: r.name, relation: "lead" }));
  },
  async reassign(scope: MemberItemScope, fromId: string, toId: string): Promise<number> {
    const trx = await unwrapItemScope(scope).tenant();
    const led = await trx
      .updateTable("team_members")
      .set({ role: "member" })
      .where("user_id", "=", fromId)
      .where("role", "=", "lead")
      .returning("team_id")
      .execute();
    if (led.length === 0) return 0;
    await trx
      .insertInto("team_members")
      .values(led.map((r) => ({ team_id: r.team_id, user_id: toId, role: "lead" as const })))
      .onConflict((oc) => oc.columns(["team_id", "user_id"]).doUpdateSet({ role: "lead" }))
      .execute();
    return led.length;
  },
};
