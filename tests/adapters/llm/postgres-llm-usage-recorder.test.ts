import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfflineLlm } from "../../../adapters/llm/offline-llm.ts";
import { PostgresLlmUsageRecorder } from "../../../adapters/postgres/llm/postgres-llm-usage-recorder.ts";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { newId } from "../../../core/ids.ts";
import type { LlmUsageEntry } from "../../../core/llm/llm-usage-recorder.ts";
import { meteredLlm } from "../../../core/llm/metered-llm.ts";
import { createTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// Usage recording against the database (PGlite, or Postgres with DATABASE_URL).
let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let recorder: PostgresLlmUsageRecorder;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.createWorkspace();
  other = await t.createWorkspace();
  recorder = new PostgresLlmUsageRecorder(t.database);
});
afterAll(async () => t?.close());

const entry = (overrides: Partial<LlmUsageEntry>): LlmUsageEntry => ({
  id: newId(),
  userId: null,
  purpose: "assistant.chat",
  provider: "anthropic",
  model: "claude-haiku-4-5",
  inputTokens: 1000,
  outputTokens: 200,
  costUsd: 0.002,
  priced: true,
  offline: false,
  durationMs: 420,
  occurredAt: new Date("2026-03-10T12:00:00Z"),
  ...overrides,
});

describe("PostgresLlmUsageRecorder", () => {
  it("meteredLlm writes one llm_usage row per call in the workspace's schema", async () => {
    const llm = meteredLlm(new OfflineLlm(), recorder);
    const result = await llm.complete(ws, ws.owner.id, { purpose: "records.summary", messages: [{ role: "user", content: '{"deal":"Acme","amount":1200}' }] });
    const rows = await tenantDatabase(t.database, ws.schemaName).transaction((trx) => trx.selectFrom("llm_usage").selectAll().execute());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: ws.owner.id,
      purpose: "records.summary",
      provider: "offline",
      model: "offline-extractive",
      input_tokens: result.usage.inputTokens,
      output_tokens: result.usage.outputTokens,
      priced: true,
      offline: true,
    });
    expect(Number(rows[0]!.cost_usd)).toBe(0);
    expect(rows[0]!.duration_ms).toBeGreaterThanOrEqual(0);
    // Nothing leaks into another workspace.
    expect((await recorder.summarise(other)).calls).toBe(0);
  });

  it("summarise: totals, by model, purpose and user, most costly first; since filters", async () => {
    const fresh = await t.createWorkspace();
    const ada = fresh.owner.id;
    await recorder.record(fresh, entry({ userId: ada, costUsd: 0.00123456, occurredAt: new Date("2026-02-01T00:00:00Z") }));
    await recorder.record(fresh, entry({ userId: ada, model: "claude-opus-5-5", inputTokens: 5000, outputTokens: 1000, costUsd: 0.04, purpose: "reports.write" }));
    await recorder.record(fresh, entry({ provider: "openai", model: "gpt-9-ultra", costUsd: 0, priced: false, inputTokens: 10, outputTokens: 5 }));

    const all = await recorder.summarise(fresh);
    expect(all).toMatchObject({ since: null, calls: 3, inputTokens: 6010, outputTokens: 1205, costUsd: 0.04123456, unpricedCalls: 1 });
    expect(all.byModel.map((m) => m.model)).toEqual(["claude-opus-5-5", "claude-haiku-4-5", "gpt-9-ultra"]);
    expect(all.byModel[2]).toMatchObject({ provider: "openai", calls: 1, costUsd: 0, unpricedCalls: 1 });
    expect(all.byPurpose).toEqual([
      { purpose: "reports.write", calls: 1, inputTokens: 5000, outputTokens: 1000, costUsd: 0.04, unpricedCalls: 0 },
      { purpose: "assistant.chat", calls: 2, inputTokens: 1010, outputTokens: 205, costUsd: 0.00123456, unpricedCalls: 1 },
    ]);
    expect(all.byUser.map((u) => [u.userId, u.calls])).toEqual([
      [ada, 2],
      [null, 1],
    ]);

    const march = await recorder.summarise(fresh, new Date("2026-03-01T00:00:00Z"));
    expect(march).toMatchObject({ calls: 2, costUsd: 0.04, since: new Date("2026-03-01T00:00:00Z") });
  });

  it("summarise of a workspace without calls: zeros and empty breakdowns", async () => {
    const empty = await t.createWorkspace();
    expect(await recorder.summarise(empty)).toEqual({
      since: null,
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      unpricedCalls: 0,
      byModel: [],
      byPurpose: [],
      byUser: [],
    });
  });
});
