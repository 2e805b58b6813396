import { definedColumns } from "../defined-columns.ts";
import { sql, type Selectable, type Transaction } from "kysely";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import type { Within } from "../../../core/records/record-repository.ts";
import type {
  FollowUpCandidate,
  InsightListQuery,
  InsightRecord,
  InteractionListQuery,
  InteractionPatch,
  InteractionRecord,
  NewInsight,
  NewInteraction,
  NewTask,
  Page,
  RecordTrackingContext,
  TaskListQuery,
  TaskPatch,
  TaskRecord,
  TrackingDashboard,
  TrackingRepository,
} from "../../../core/tracking/tracking-repository.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type { RecordInsightsTable, RecordInteractionsTable, RecordTasksTable, TenantDatabase } from "../tenant-schema.ts";

type Trx = Transaction<TenantDatabase>;

const DAY_MS = 86_400_000;
const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const asNullableDate = (v: Date | string | null): Date | null => (v === null ? null : asDate(v));

function toInsight(r: Selectable<RecordInsightsTable>): InsightRecord {
  return {
    id: r.id,
    recordId: r.record_id,
    insightType: r.insight_type,
    title: r.title,
    body: r.body,
    priority: r.priority,
    score: r.score === null ? null : Number(r.score),
    source: r.source,
    provider: r.provider,
    model: r.model,
    offline: r.offline,
    dismissedAt: asNullableDate(r.dismissed_at),
    dismissedBy: r.dismissed_by,
    actionTakenAt: asNullableDate(r.action_taken_at),
    actionTakenBy: r.action_taken_by,
    createdBy: r.created_by,
    createdAt: asDate(r.created_at),
  };
}

function toInteraction(r: Selectable<RecordInteractionsTable>): InteractionRecord {
  return {
    id: r.id,
    recordId: r.record_id,
    interactionType: r.interaction_type,
    summary: r.summary,
    notes: r.notes,
    occurredAt: asDate(r.occurred_at),
    durationMinutes: r.duration_minutes,
    outcome: r.outcome,
    createdBy: r.created_by,
    createdAt: asDate(r.created_at),
    updatedAt: asDate(r.updated_at),
  };
}

function toTask(r: Selectable<RecordTasksTable>): TaskRecord {
  return {
    id: r.id,
    recordId: r.record_id,
    title: r.title,
    description: r.description,
    dueAt: asNullableDate(r.due_at),
    priority: r.priority,
    status: r.status,
    assigneeId: r.assignee_id,
    completedAt: asNullableDate(r.completed_at),
    completedBy: r.completed_by,
    createdBy: r.created_by,
    createdAt: asDate(r.created_at),
    updatedAt: asDate(r.updated_at),
  };
}

/** Rows whose record is live (soft-deleted records take their tracking out of sight). */
const liveRecord = (table: "record_insights" | "record_interactions" | "record_tasks") =>
  sql<boolean>`exists (select 1 from records r where r.id = ${sql.ref(`${table}.record_id`)} and r.deleted_at is null)`;

/** Counts keyed by a text column, from `select key, count(*)::int as n ... group by key`. */
function counts(rows: { key: string; n: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
}

/** Insights, interactions and tasks of records, in the tenant schema, through the tenant role. */
export class PostgresTrackingRepository implements TrackingRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  private run<T>(ws: WorkspaceRef, work: (trx: Trx) => Promise<T>): Promise<T> {
    return tenantDatabase(this.handle, ws.schemaName).transaction(work);
  }

  // ------------------------------------------------------------------ insights

  async listInsights(ws: WorkspaceRef, q: InsightListQuery): Promise<Page<InsightRecord>> {
    return await this.run(ws, async (trx) => {
      let query = trx.selectFrom("record_insights").where("record_id", "=", q.recordId);
      if (q.insightType) query = query.where("insight_type", "=", q.insightType);
      if (!q.includeDismissed) query = query.where("dismissed_at", "is", null);
      const rows = await query.selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const { n } = await query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      return { items: rows.map(toInsight), total: Number(n) };
    });
  }

  async findInsight(ws: WorkspaceRef, id: string): Promise<InsightRecord | null> {
    const row = await this.run(ws, (trx) => trx.selectFrom("record_insights").selectAll().where("id", "=", id).where(liveRecord("record_insights")).executeTakeFirst());
    return row ? toInsight(row) : null;
  }

  async replaceGeneratedInsights(ws: WorkspaceRef, recordId: string, insights: NewInsight[], within?: Within): Promise<InsightRecord[]> {
    return await this.run(ws, async (trx) => {
      await trx
        .deleteFrom("record_insights")
        .where("record_id", "=", recordId)
        .where("source", "in", ["ai", "heuristic"])
        .where("dismissed_at", "is", null)
        .where("action_taken_at", "is", null)
        .execute();
      const rows = insights.length
        ? await trx
            .insertInto("record_insights")
            .values(
              insights.map((i) => ({
                id: i.id,
                record_id: i.recordId,
                insight_type: i.insightType,
                title: i.title,
                body: i.body,
                priority: i.priority,
                score: i.score,
                source: i.source,
                provider: i.provider,
                model: i.model,
                offline: i.offline,
                created_by: i.createdBy,
              })),
            )
            .returningAll()
            .execute()
        : [];
      await within?.(asEventTransaction(trx));
      // Insert order is the caller's ranking; `returning` does not promise it.
      const order = new Map(insights.map((i, n) => [i.id, n]));
      return rows.map(toInsight).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    });
  }

  async markInsight(ws: WorkspaceRef, id: string, mark: "dismissed" | "action_taken", userId: string | null, at: Date, within?: Within): Promise<InsightRecord | null> {
    return await this.run(ws, async (trx) => {
      const set =
        mark === "dismissed"
          ? { dismissed_at: sql<Date>`coalesce(dismissed_at, ${at})`, dismissed_by: sql<string>`case when dismissed_at is null then ${userId}::uuid else dismissed_by end` }
          : { action_taken_at: sql<Date>`coalesce(action_taken_at, ${at})`, action_taken_by: sql<string>`case when action_taken_at is null then ${userId}::uuid else action_taken_by end` };
      const row = await trx.updateTable("record_insights").set(set).where("id", "=", id).returningAll().executeTakeFirst();
      if (!row) return null;
      await within?.(asEventTransaction(trx));
      return toInsight(row);
    });
  }

  // ------------------------------------------------------------------ interactions

  async listInteractions(ws: WorkspaceRef, q: InteractionListQuery): Promise<Page<InteractionRecord>> {
    return await this.run(ws, async (trx) => {
      let query = trx.selectFrom("record_interactions").where("record_id", "=", q.recordId);
      if (q.interactionType) query = query.where("interaction_type", "=", q.interactionType);
      const rows = await query.selectAll().orderBy("occurred_at", "desc").orderBy("id", "desc").limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      const { n } = await query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      return { items: rows.map(toInteraction), total: Number(n) };
    });
  }

  async findInteraction(ws: WorkspaceRef, id: string): Promise<InteractionRecord | null> {
    const row = await this.run(ws, (trx) => trx.selectFrom("record_interactions").selectAll().where("id", "=", id).where(liveRecord("record_interactions")).executeTakeFirst());
    return row ? toInteraction(row) : null;
  }

  async createInteraction(ws: WorkspaceRef, i: NewInteraction, within?: Within): Promise<InteractionRecord> {
    return await this.run(ws, async (trx) => {
      const row = await trx
        .insertInto("record_interactions")
        .values({
          id: i.id,
          record_id: i.recordId,
          interaction_type: i.interactionType,
          summary: i.summary,
          notes: i.notes,
          occurred_at: i.occurredAt,
          duration_minutes: i.durationMinutes,
          outcome: i.outcome,
          created_by: i.createdBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await within?.(asEventTransaction(trx));
      return toInteraction(row);
    });
  }

  async updateInteraction(ws: WorkspaceRef, id: string, p: InteractionPatch, within?: Within): Promise<InteractionRecord | null> {
    return await this.run(ws, async (trx) => {
      const row = await trx
        .updateTable("record_interactions")
        .set({
          ...definedColumns({ interaction_type: p.interactionType, summary: p.summary, notes: p.notes, occurred_at: p.occurredAt, duration_minutes: p.durationMinutes, outcome: p.outcome }),
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await within?.(asEventTransaction(trx));
      return toInteraction(row);
    });
  }

  async deleteInteraction(ws: WorkspaceRef, id: string, within?: Within): Promise<boolean> {
    return await this.run(ws, async (trx) => {
      const result = await trx.deleteFrom("record_interactions").where("id", "=", id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await within?.(asEventTransaction(trx));
      return true;
    });
  }

  // ------------------------------------------------------------------ tasks

  async listTasks(ws: WorkspaceRef, q: TaskListQuery, now: Date): Promise<Page<TaskRecord>> {
    return await this.run(ws, async (trx) => {
      let query = trx.selectFrom("record_tasks").where("record_id", "=", q.recordId);
      if (q.status) query = query.where("status", "=", q.status);
      else if (!q.includeCompleted) query = query.where("status", "<>", "completed");
      if (q.priority) query = query.where("priority", "=", q.priority);
      const rows = await query
        .selectAll()
        // Open work first, soonest due first (overdue at the top); then done or cancelled, latest first.
        .orderBy(sql`case when status in ('todo', 'in_progress') then 0 else 1 end`)
        .orderBy(sql`case when status in ('todo', 'in_progress') then due_at end asc nulls last`)
        .orderBy(sql`case when status in ('todo', 'in_progress') then ${now}::timestamptz else coalesce(completed_at, updated_at) end`, "desc")
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      const { n } = await query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      return { items: rows.map(toTask), total: Number(n) };
    });
  }

  async findTask(ws: WorkspaceRef, id: string): Promise<TaskRecord | null> {
    const row = await this.run(ws, (trx) => trx.selectFrom("record_tasks").selectAll().where("id", "=", id).where(liveRecord("record_tasks")).executeTakeFirst());
    return row ? toTask(row) : null;
  }

  async createTask(ws: WorkspaceRef, t: NewTask, within?: Within): Promise<TaskRecord> {
    return await this.run(ws, async (trx) => {
      const row = await trx
        .insertInto("record_tasks")
        .values({
          id: t.id,
          record_id: t.recordId,
          title: t.title,
          description: t.description,
          due_at: t.dueAt,
          priority: t.priority,
          status: t.status,
          assignee_id: t.assigneeId,
          completed_at: t.completedAt,
          completed_by: t.completedBy,
          created_by: t.createdBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await within?.(asEventTransaction(trx));
      return toTask(row);
    });
  }

  async updateTask(ws: WorkspaceRef, id: string, p: TaskPatch, within?: Within): Promise<TaskRecord | null> {
    return await this.run(ws, async (trx) => {
      const row = await trx
        .updateTable("record_tasks")
        .set({
          ...definedColumns({ title: p.title, description: p.description, due_at: p.dueAt, priority: p.priority, status: p.status, assignee_id: p.assigneeId, completed_at: p.completedAt, completed_by: p.completedBy }),
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await within?.(asEventTransaction(trx));
      return toTask(row);
    });
  }

  async deleteTask(ws: WorkspaceRef, id: string, within?: Within): Promise<boolean> {
    return await this.run(ws, async (trx) => {
      const result = await trx.deleteFrom("record_tasks").where("id", "=", id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await within?.(asEventTransaction(trx));
      return true;
    });
  }

  // ------------------------------------------------------------------ aggregates

  async dashboard(ws: WorkspaceRef, recordsetId: string, now: Date): Promise<TrackingDashboard> {
    const d7 = new Date(now.getTime() - 7 * DAY_MS);
    const d30 = new Date(now.getTime() - 30 * DAY_MS);
    const in7 = new Date(now.getTime() + 7 * DAY_MS);
    // The recordset's live records, joined by each aggregate (index records_recordset_idx).
    const rs = sql`select id from records where recordset_id = ${recordsetId}::uuid and deleted_at is null`;
    return await this.run(ws, async (trx) => {
      const recs = await sql<{ total: number; with_interactions: number; quiet_30: number; with_open_tasks: number }>`
        select count(*)::int as total,
          count(*) filter (where exists (select 1 from record_interactions i where i.record_id = r.id))::int as with_interactions,
          count(*) filter (where not exists (select 1 from record_interactions i where i.record_id = r.id and i.occurred_at >= ${d30}::timestamptz))::int as quiet_30,
          count(*) filter (where exists (select 1 from record_tasks t where t.record_id = r.id and t.status in ('todo', 'in_progress')))::int as with_open_tasks
        from records r where r.recordset_id = ${recordsetId}::uuid and r.deleted_at is null`.execute(trx);
      const inter = await sql<{ key: string; n: number; last_7: number; last_30: number }>`
        select interaction_type as key, count(*)::int as n,
          count(*) filter (where occurred_at >= ${d7}::timestamptz)::int as last_7,
          count(*) filter (where occurred_at >= ${d30}::timestamptz)::int as last_30
        from record_interactions where record_id in (${rs}) group by interaction_type`.execute(trx);
      const tasks = await sql<{ key: string; status: string; n: number; overdue: number; due_7: number; done_30: number }>`
        select priority as key, status, count(*)::int as n,
          count(*) filter (where due_at < ${now}::timestamptz)::int as overdue,
          count(*) filter (where due_at >= ${now}::timestamptz and due_at < ${in7}::timestamptz)::int as due_7,
          count(*) filter (where completed_at >= ${d30}::timestamptz)::int as done_30
        from record_tasks where record_id in (${rs}) group by priority, status`.execute(trx);
      const ins = await sql<{ key: string; state: string; n: number }>`
        select insight_type as key,
          case when dismissed_at is not null then 'dismissed' when action_taken_at is not null then 'action_taken' else 'active' end as state,
          count(*)::int as n
        from record_insights where record_id in (${rs}) group by 1, 2`.execute(trx);

      const r = recs.rows[0]!;
      const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((a, row) => a + Number(pick(row)), 0);
      const open = tasks.rows.filter((t) => t.status === "todo" || t.status === "in_progress");
      const openByPriority: Record<string, number> = {};
      for (const t of open) openByPriority[t.key] = (openByPriority[t.key] ?? 0) + Number(t.n);
      const active = ins.rows.filter((i) => i.state === "active");
      return {
        records: { total: Number(r.total), withInteractions: Number(r.with_interactions), withoutInteraction30Days: Number(r.quiet_30), withOpenTasks: Number(r.with_open_tasks) },
        interactions: {
          total: sum(inter.rows, (i) => i.n),
          last7Days: sum(inter.rows, (i) => i.last_7),
          last30Days: sum(inter.rows, (i) => i.last_30),
          byType: counts(inter.rows),
        },
        tasks: {
          open: sum(open, (t) => t.n),
          overdue: sum(open, (t) => t.overdue),
          dueNext7Days: sum(open, (t) => t.due_7),
          completed: sum(tasks.rows.filter((t) => t.status === "completed"), (t) => t.n),
          completedLast30Days: sum(tasks.rows.filter((t) => t.status === "completed"), (t) => t.done_30),
          cancelled: sum(tasks.rows.filter((t) => t.status === "cancelled"), (t) => t.n),
          openByPriority,
        },
        insights: {
          active: sum(active, (i) => i.n),
          dismissed: sum(ins.rows.filter((i) => i.state === "dismissed"), (i) => i.n),
          actionTaken: sum(ins.rows.filter((i) => i.state === "action_taken"), (i) => i.n),
          activeByType: counts(active),
        },
      };
    });
  }

  async recordContext(ws: WorkspaceRef, recordId: string, now: Date, limits: { interactions: number; tasks: number }): Promise<RecordTrackingContext> {
    return await this.run(ws, async (trx) => {
      const stats = await trx
        .selectFrom("record_interactions")
        .where("record_id", "=", recordId)
        .select([sql<number>`count(*)::int`.as("n"), sql<Date | string | null>`max(occurred_at)`.as("last")])
        .executeTakeFirstOrThrow();
      const interactions = await trx.selectFrom("record_interactions").selectAll().where("record_id", "=", recordId).orderBy("occurred_at", "desc").orderBy("id", "desc").limit(limits.interactions).execute();
      const openTasks = await trx
        .selectFrom("record_tasks")
        .selectAll()
        .where("record_id", "=", recordId)
        .where("status", "in", ["todo", "in_progress"])
        .orderBy(sql`due_at asc nulls last`)
        .orderBy("created_at", "desc")
        .limit(limits.tasks)
        .execute();
      const overdue = await trx
        .selectFrom("record_tasks")
        .where("record_id", "=", recordId)
        .where("status", "in", ["todo", "in_progress"])
        .where("due_at", "<", now)
        .select(sql<number>`count(*)::int`.as("n"))
        .executeTakeFirstOrThrow();
      const insights = await trx
        .selectFrom("record_insights")
        .selectAll()
        .where("record_id", "=", recordId)
        .where("dismissed_at", "is", null)
        .where("action_taken_at", "is", null)
        .orderBy("created_at", "desc")
        .limit(10)
        .execute();
      return {
        interactionCount: Number(stats.n),
        lastInteractionAt: stats.last === null ? null : asDate(stats.last),
        recentInteractions: interactions.map(toInteraction),
        openTasks: openTasks.map(toTask),
        overdueTasks: Number(overdue.n),
        activeInsights: insights.map(toInsight),
      };
    });
  }

  async followUpCandidates(ws: WorkspaceRef, recordsetId: string, now: Date, options: { limit: number; quietDays: number }): Promise<FollowUpCandidate[]> {
    const quietSince = new Date(now.getTime() - options.quietDays * DAY_MS);
    const { rows } = await this.run(ws, (trx) =>
      sql<{
        id: string;
        title: string | null;
        last_at: Date | string | null;
        last_type: FollowUpCandidate["lastInteractionType"];
        last_summary: string | null;
        open_tasks: number;
        overdue_tasks: number;
        next_title: string | null;
        next_due: Date | string | null;
      }>`
        select r.id, r.title, li.occurred_at as last_at, li.interaction_type as last_type, li.summary as last_summary,
          coalesce(tk.open_tasks, 0)::int as open_tasks, coalesce(tk.overdue_tasks, 0)::int as overdue_tasks,
          nt.title as next_title, nt.due_at as next_due
        from records r
        left join lateral (
          select i.occurred_at, i.interaction_type, i.summary from record_interactions i
          where i.record_id = r.id order by i.occurred_at desc, i.id desc limit 1
        ) li on true
        left join lateral (
          select count(*) as open_tasks, count(*) filter (where t.due_at < ${now}::timestamptz) as overdue_tasks
          from record_tasks t where t.record_id = r.id and t.status in ('todo', 'in_progress')
        ) tk on true
        left join lateral (
          select t.title, t.due_at from record_tasks t
          where t.record_id = r.id and t.status in ('todo', 'in_progress')
          order by t.due_at asc nulls last, t.created_at limit 1
        ) nt on true
        where r.recordset_id = ${recordsetId}::uuid and r.deleted_at is null
          and (coalesce(tk.overdue_tasks, 0) > 0 or li.occurred_at is null or li.occurred_at < ${quietSince}::timestamptz)
        order by coalesce(tk.overdue_tasks, 0) desc, li.occurred_at asc nulls first, r.created_at, r.id
        limit ${options.limit}`.execute(trx),
    );
    return rows.map((r) => ({
      recordId: r.id,
      title: r.title,
      lastInteractionAt: asNullableDate(r.last_at),
      lastInteractionType: r.last_type,
      lastInteractionSummary: r.last_summary,
      openTasks: Number(r.open_tasks),
      overdueTasks: Number(r.overdue_tasks),
      nextTaskTitle: r.next_title,
      nextTaskDueAt: asNullableDate(r.next_due),
    }));
  }
}
