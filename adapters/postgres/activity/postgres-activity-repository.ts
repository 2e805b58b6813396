import { sql, type RawBuilder, type SqlBool } from "kysely";
import type {
  ActivityExportJobRecord,
  ActivityFilter,
  ActivityItem,
  ActivityRepository,
  ActivityStats,
} from "../../../core/activity/activity-repository.ts";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import { jsonb } from "../jsonb.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";

type ActivityRow = {
  id: string;
  type: string;
  actor_id: string | null;
  display_name: string | null;
  entity_type: string;
  entity_id: string;
  entity_name: string | null;
  metadata: Record<string, unknown>;
  audience: string[];
  occurred_at: Date;
};

/** At most this many search words are used; more add cost, not precision. */
const MAX_SEARCH_WORDS = 8;

/**
 * The WHERE condition of `filter` over `activity as a`. Raw SQL on purpose: the same
 * condition serves the paged feed (tenant transaction) and the export cursor, and the
 * team filter reads `team_members`, which the tenant search path resolves.
 */
function filterCondition(filter: ActivityFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (filter.types?.length) {
    const exact = filter.types.filter((t) => t.includes("."));
    const categories = filter.types.filter((t) => !t.includes("."));
    const either: RawBuilder<unknown>[] = [];
    if (exact.length) either.push(sql`a.type in (${sql.join(exact)})`);
    // A bare category (`member`) means every type of that entity (`member.added`, ...).
    if (categories.length) either.push(sql`split_part(a.type, '.', 1) in (${sql.join(categories)})`);
    parts.push(sql`(${sql.join(either, sql` or `)})`);
  }
  if (filter.search) {
    const words = filter.search
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, MAX_SEARCH_WORDS);
    // Only letters and digits reach to_tsquery, each as a prefix: "ada rev" finds "Ada", "revoked".
    parts.push(words.length ? sql`a.search_vector @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(" & ")})` : sql`false`);
  }
  if (filter.startDate) parts.push(sql`a.occurred_at >= ${filter.startDate}`);
  if (filter.endDate) parts.push(sql`a.occurred_at <= ${filter.endDate}`);
  if (filter.concerning) {
    const me = filter.concerning;
    parts.push(
      sql`(a.actor_id = ${me} or a.audience @> ${jsonb([me])} or (a.entity_type = 'member' and a.entity_id = ${me}))`,
    );
  }
  if (filter.actorIds?.length) parts.push(sql`a.actor_id in (${sql.join(filter.actorIds)})`);
  if (filter.teamIds?.length) {
    parts.push(sql`a.actor_id in (select tm.user_id from team_members tm where tm.team_id in (${sql.join(filter.teamIds)}))`);
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

const selectColumns = sql`a.id, a.type, a.actor_id, m.display_name, a.entity_type, a.entity_id, a.entity_name, a.metadata, a.audience, a.occurred_at`;

function toItem(row: ActivityRow, names: ReadonlyMap<string, string>): ActivityItem {
  return {
    id: row.id,
    type: row.type,
    actorId: row.actor_id,
    actorName: row.actor_id ? (row.display_name ?? names.get(row.actor_id) ?? null) : null,
    entityType: row.entity_type,
    entityId: row.entity_id,
    entityName: row.entity_name,
    metadata: row.metadata,
    audience: row.audience,
    occurredAt: new Date(row.occurred_at),
  };
}

/**
 * The activity feed over the tenant `activity` table. Rows are read as the tenant role;
 * actors' account names come from `public.users` in a second, platform query (the tenant
 * role cannot read it), preferring the member's display name in this workspace.
 */
export class PostgresActivityRepository implements ActivityRepository {
  constructor(private readonly database: DatabaseHandle) {}

  async feed(ws: WorkspaceRef, filter: ActivityFilter, page: { limit: number; offset: number }): Promise<{ items: ActivityItem[]; total: number }> {
    const where = filterCondition(filter);
    const { rows, total } = await tenantDatabase(this.database, ws.schemaName).transaction(
      async (trx) => {
        const listed = await sql<ActivityRow>`
          select ${selectColumns}
            from activity a left join members m on m.user_id = a.actor_id
           where ${where}
           order by a.occurred_at desc, a.id desc
           limit ${page.limit} offset ${page.offset}`.execute(trx);
        const counted = await sql<{ n: number }>`select count(*)::int as n from activity a where ${where}`.execute(trx);
        return { rows: listed.rows, total: counted.rows[0]!.n };
      },
      { readOnly: true },
    );
    const names = await this.#accountNames(rows.filter((r) => r.display_name === null).map((r) => r.actor_id));
    return { items: rows.map((row) => toItem(row, names)), total };
  }

  async stats(ws: WorkspaceRef, window: { days: number; now: Date; top: number }): Promise<ActivityStats> {
    const today = window.now.toISOString().slice(0, 10);
    // Days are UTC days: timestamps without zone, turned into instants `at time zone 'UTC'`.
    const from = sql`(${today}::date - ${window.days - 1}::int)::timestamp`;
    const since = sql`(${from} at time zone 'UTC')`;
    const result = await tenantDatabase(this.database, ws.schemaName).transaction(
      async (trx) => {
        const byType = await sql<{ type: string; count: number }>`
          select type, count(*)::int as count from activity where occurred_at >= ${since}
           group by type order by count desc, type`.execute(trx);
        const byDay = await sql<{ date: string; count: number }>`
          select to_char(d.day, 'YYYY-MM-DD') as date, count(a.id)::int as count
            from generate_series(${from}, ${today}::timestamp, interval '1 day') as d(day)
            left join activity a
              on a.occurred_at >= (d.day at time zone 'UTC') and a.occurred_at < ((d.day + interval '1 day') at time zone 'UTC')
           group by d.day order by d.day`.execute(trx);
        const top = await sql<{ actor_id: string; display_name: string | null; count: number }>`
          select a.actor_id, m.display_name, count(*)::int as count
            from activity a left join members m on m.user_id = a.actor_id
           where a.occurred_at >= ${since} and a.actor_id is not null
           group by a.actor_id, m.display_name order by count desc, a.actor_id limit ${window.top}`.execute(trx);
        return { byType: byType.rows, byDay: byDay.rows, top: top.rows };
      },
      { readOnly: true },
    );
    const names = await this.#accountNames(result.top.filter((r) => r.display_name === null).map((r) => r.actor_id));
    return {
      total: result.byType.reduce((sum, row) => sum + row.count, 0),
      byType: result.byType,
      byDay: result.byDay,
      topActors: result.top.map((row) => ({ actorId: row.actor_id, actorName: row.display_name ?? names.get(row.actor_id) ?? null, count: row.count })),
    };
  }

  async *stream(ws: WorkspaceRef, filter: ActivityFilter): AsyncIterable<ActivityItem> {
    // Names first: the cursor below holds its connection until the last row.
    const names = await this.#workspaceAccountNames(ws.id);
    const where = filterCondition(filter);
    const rows = tenantDatabase(this.database, ws.schemaName).stream(
      () => sql<ActivityRow>`
        select ${selectColumns}
          from activity a left join members m on m.user_id = a.actor_id
         where ${where}
         order by a.occurred_at desc, a.id desc`,
    );
    for await (const row of rows) yield toItem(row, names);
  }

  async listExportJobs(
    workspaceId: string,
    userId: string,
    type: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: ActivityExportJobRecord[]; total: number }> {
    const base = this.database.db
      .withSchema("public")
      .selectFrom("jobs")
      .where("workspace_id", "=", workspaceId)
      .where("created_by", "=", userId)
      .where("type", "=", type);
    const [rows, counted] = await Promise.all([
      base
        .select(["id", "status", "progress", "payload", "result", "last_error", "created_by", "created_at", "started_at", "finished_at"])
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        status: row.status,
        progress: row.progress,
        payload: row.payload,
        result: row.result,
        lastError: row.last_error,
        createdBy: row.created_by,
        createdAt: row.created_at,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
      })),
      total: counted.n,
    };
  }

  async #accountNames(ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.database.db.selectFrom("users").select(["id", "full_name"]).where("id", "in", wanted).execute();
    return new Map(rows.map((row) => [row.id, row.full_name]));
  }

  async #workspaceAccountNames(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.database.db
      .selectFrom("users")
      .innerJoin("workspace_members", "workspace_members.user_id", "users.id")
      .select(["users.id", "users.full_name"])
      .where("workspace_members.workspace_id", "=", workspaceId)
      .execute();
    return new Map(rows.map((row) => [row.id, row.full_name]));
  }
}

