import { sql } from "kysely";
import type { MemberItem, MemberItemScope, MemberItemSource } from "../../../core/members/member-item-sources.ts";
import { unwrapItemScope } from "../members/postgres-member-item-transactions.ts";

/** Open record tasks (todo, in progress) assigned to a member, on live records: offboarding moves them to another member. */
export const recordTaskItemSource: MemberItemSource = {
  type: "record_task",
  async count(scope: MemberItemScope, memberId: string): Promise<number> {
    const trx = await unwrapItemScope(scope).tenant();
    const row = await trx
      .selectFrom("record_tasks as t")
      .innerJoin("records as r", "r.id", "t.record_id")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("t.assignee_id", "=", memberId)
      .where("t.status", "in", ["todo", "in_progress"])
      .where("r.deleted_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  async list(scope: MemberItemScope, memberId: string): Promise<MemberItem[]> {
    const trx = await unwrapItemScope(scope).tenant();
    const rows = await trx
      .selectFrom("record_tasks as t")
      .innerJoin("records as r", "r.id", "t.record_id")
      .select(["t.id", "t.title"])
      .where("t.assignee_id", "=", memberId)
      .where("t.status", "in", ["todo", "in_progress"])
      .where("r.deleted_at", "is", null)
      .orderBy(sql`t.due_at asc nulls last`)
      .orderBy("t.id")
      .execute();
    return rows.map((r) => ({ type: "record_task", id: r.id, name: r.title, relation: "assignee" }));
  },
  async reassign(scope: MemberItemScope, fromId: string, toId: string): Promise<number> {
    const trx = await unwrapItemScope(scope).tenant();
    // Finished tasks keep their assignee: they record who did the work.
    const result = await trx
      .updateTable("record_tasks")
      .set({ assignee_id: toId, updated_at: sql`now()` })
      .where("assignee_id", "=", fromId)
      .where("status", "in", ["todo", "in_progress"])
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};
