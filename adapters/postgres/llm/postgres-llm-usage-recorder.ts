import { sql, type Transaction } from "kysely";
import type { LlmUsageEntry, LlmUsageRecorder, LlmUsageSummary, LlmUsageTotals } from "../../../core/llm/llm-usage-recorder.ts";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import type { LlmProviderName } from "../../../core/ports/llm.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type { TenantDatabase } from "../tenant-schema.ts";

type TotalsRow = { calls: number; input_tokens: number; output_tokens: number; cost_usd: number; unpriced_calls: number };

/** How many rows each breakdown returns (most costly first). */
const BREAKDOWN_LIMIT = 50;

/** `llm_usage` in the workspace's tenant schema (tenant migration 0008). */
export class PostgresLlmUsageRecorder implements LlmUsageRecorder {
  constructor(private readonly database: DatabaseHandle) {}

  async record(workspace: WorkspaceRef, entry: LlmUsageEntry): Promise<void> {
    await tenantDatabase(this.database, workspace.schemaName).transaction((trx) =>
      trx
        .insertInto("llm_usage")
        .values({
          id: entry.id,
          occurred_at: entry.occurredAt,
          user_id: entry.userId,
          purpose: entry.purpose,
          provider: entry.provider,
          model: entry.model,
          input_tokens: entry.inputTokens,
          output_tokens: entry.outputTokens,
          cost_usd: entry.costUsd,
          priced: entry.priced,
          offline: entry.offline,
          duration_ms: entry.durationMs,
        })
        .execute(),
    );
  }

  async summarise(workspace: WorkspaceRef, since?: Date): Promise<LlmUsageSummary> {
    return tenantDatabase(this.database, workspace.schemaName).transaction(
      async (trx) => {
        const [all] = await totals(trx, since, []);
        const byModel = await totals(trx, since, ["provider", "model"]);
        const byPurpose = await totals(trx, since, ["purpose"]);
        const byUser = await totals(trx, since, ["user_id"]);
        return {
          since: since ?? null,
          ...toTotals(all!),
          byModel: byModel.map((r) => ({ provider: r.provider as LlmProviderName, model: r.model as string, ...toTotals(r) })),
          byPurpose: byPurpose.map((r) => ({ purpose: r.purpose as string, ...toTotals(r) })),
          byUser: byUser.map((r) => ({ userId: (r.user_id as string | null) ?? null, ...toTotals(r) })),
        };
      },
      { readOnly: true },
    );
  }
}

/** Totals grouped by `groupBy` (no grouping: one row, zeros when there were no calls). */
async function totals(
  trx: Transaction<TenantDatabase>,
  since: Date | undefined,
  groupBy: Array<"provider" | "model" | "purpose" | "user_id">,
): Promise<Array<TotalsRow & Record<string, unknown>>> {
  // Sums cast to float8: bigint/numeric would come back as strings from the drivers.
  let query = trx
    .selectFrom("llm_usage")
    .select([
      sql<number>`count(*)::float8`.as("calls"),
      sql<number>`coalesce(sum(input_tokens), 0)::float8`.as("input_tokens"),
      sql<number>`coalesce(sum(output_tokens), 0)::float8`.as("output_tokens"),
      sql<number>`coalesce(sum(cost_usd), 0)::float8`.as("cost_usd"),
      sql<number>`(count(*) filter (where not priced))::float8`.as("unpriced_calls"),
    ]);
  if (since) query = query.where("occurred_at", ">=", since);
  if (groupBy.length === 0) return (await query.execute()) as Array<TotalsRow & Record<string, unknown>>;
  const rows = await query
    .select(groupBy)
    .groupBy(groupBy)
    .orderBy(sql`sum(cost_usd)`, "desc")
    .orderBy(sql`count(*)`, "desc")
    .orderBy(groupBy[0]!)
    .limit(BREAKDOWN_LIMIT)
    .execute();
  return rows as Array<TotalsRow & Record<string, unknown>>;
}

function toTotals(row: TotalsRow): LlmUsageTotals {
  return {
    calls: Number(row.calls),
    inputTokens: Number(row.input_tokens),
    outputTokens: Number(row.output_tokens),
    // Sums of 8-decimal costs in float8 pick up binary noise: round back to the stored precision.
    costUsd: Math.round(Number(row.cost_usd) * 1e8) / 1e8,
    unpricedCalls: Number(row.unpriced_calls),
  };
}
