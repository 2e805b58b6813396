import { sql } from "kysely";
import type { Migration } from "../migration.ts";

/**
 * LLM usage: one row per completed model call (core/llm/metered-llm.ts), the ledger behind
 * AI billing and analytics. Append-only; `cost_usd` is list price at call time, 0 with
 * `priced = false` for models the registry does not know.
 */
export const migration: Migration = {
  name: "0008_llm_usage",
  async up(db) {
    await db.schema
      .createTable("llm_usage")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("occurred_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("user_id", "uuid")
      .addColumn("purpose", "text", (c) => c.notNull())
      .addColumn("provider", "text", (c) => c.notNull())
      .addColumn("model", "text", (c) => c.notNull())
      .addColumn("input_tokens", "integer", (c) => c.notNull().check(sql`input_tokens >= 0`))
      .addColumn("output_tokens", "integer", (c) => c.notNull().check(sql`output_tokens >= 0`))
      .addColumn("cost_usd", sql`numeric(18, 8)`, (c) => c.notNull().defaultTo(0))
      .addColumn("priced", "boolean", (c) => c.notNull())
      .addColumn("offline", "boolean", (c) => c.notNull())
      .addColumn("duration_ms", "integer", (c) => c.notNull())
      .execute();
    // Totals over a time window (billing periods, dashboards).
    await db.schema.createIndex("llm_usage_occurred_at_idx").on("llm_usage").column("occurred_at").execute();
  },
};
