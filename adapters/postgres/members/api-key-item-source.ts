import { sql } from "kysely";
import type { MemberItem, MemberItemScope, MemberItemSource } from "../../../core/members/member-item-sources.ts";
import { unwrapItemScope } from "./postgres-member-item-transactions.ts";

/** Unrevoked API keys a member created: the key acts as its creator. */
export const apiKeyItemSource: MemberItemSource = {
  type: "api_key",
  async count(scope: MemberItemScope, memberId: string): Promise<number> {
    const s = unwrapItemScope(scope);
    const row = await (await s.platform())
      .selectFrom("api_keys")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("workspace_id", "=", s.workspaceId)
      .where("created_by", "=", memberId)
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
    return row.n;
  },
  async list(scope: MemberItemScope, memberId: string): Promise<MemberItem[]> {
    const s = unwrapItemScope(scope);
    const rows = await (await s.platform())
      .selectFrom("api_keys")
      .select(["id", "name"])
      .where("workspace_id", "=", s.workspaceId)
      .where("created_by", "=", memberId)
      .where("revoked_at", "is", null)
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({ type: "api_key", id: r.id, name: r.name, relation: "creator" }));
  },
  async reassign(scope: MemberItemScope, fromId: string, toId: string): Promise<number> {
    const s = unwrapItemScope(scope);
    const rows = await (await s.platform())
      .updateTable("api_keys")
      .set({ created_by: toId })
      .where("workspace_id", "=", s.workspaceId)
      .where("created_by", "=", fromId)
      .where("revoked_at", "is", null)
      .returning("id")
      .execute();
    return rows.length;
  },
};
