import { describe, expect, it } from "vitest";
import { OfflineLlm } from "../../../adapters/llm/offline-llm.ts";
import { Invalid } from "../../../core/errors.ts";
import type { LlmUsageEntry, LlmUsageRecorder } from "../../../core/llm/llm-usage-recorder.ts";
import { meteredLlm } from "../../../core/llm/metered-llm.ts";

class MemoryRecorder implements LlmUsageRecorder {
  readonly entries: Array<{ schemaName: string; entry: LlmUsageEntry }> = [];
  failing = false;
  async record(workspace: { id: string; schemaName: string }, entry: LlmUsageEntry): Promise<void> {
    if (this.failing) throw new Error("database down");
    this.entries.push({ schemaName: workspace.schemaName, entry });
  }
  async summarise(): Promise<never> {
    throw new Error("not used");
  }
}

const ws = { id: "0192f0c1-0000-7000-8000-000000000001", schemaName: "ws_test" };

describe("meteredLlm", () => {
  it("records each call: workspace, user, purpose, provider, model, tokens, cost, duration", async () => {
    const recorder = new MemoryRecorder();
    let tick = 1000;
    const llm = meteredLlm(new OfflineLlm(), recorder, { now: () => new Date("2026-01-02T03:04:05Z"), clock: () => (tick += 250) });
    const result = await llm.complete(ws, "user-1", { purpose: "records.summary", messages: [{ role: "user", content: "Acme signed the renewal today." }] });
    expect(recorder.entries).toHaveLength(1);
    const { schemaName, entry } = recorder.entries[0]!;
    expect(schemaName).toBe("ws_test");
    expect(entry).toMatchObject({
      userId: "user-1",
      purpose: "records.summary",
      provider: "offline",
      model: "offline-extractive",
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      costUsd: 0,
      priced: true,
      offline: true,
      durationMs: 250,
      occurredAt: new Date("2026-01-02T03:04:05Z"),
    });
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(llm.provider).toBe("offline");
  });

  it("records nothing for a call that failed", async () => {
    const recorder = new MemoryRecorder();
    const llm = meteredLlm(new OfflineLlm(), recorder);
    await expect(llm.complete(ws, null, { purpose: "x", messages: [] })).rejects.toBeInstanceOf(Invalid);
    expect(recorder.entries).toHaveLength(0);
  });

  it("fails the call when usage cannot be recorded (no unmetered answers)", async () => {
    const recorder = new MemoryRecorder();
    recorder.failing = true;
    const llm = meteredLlm(new OfflineLlm(), recorder);
    await expect(llm.complete(ws, null, { purpose: "x", messages: [{ role: "user", content: "hello" }] })).rejects.toThrow("database down");
  });
});
