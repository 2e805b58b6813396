import { describe, expect, it } from "vitest";
import { OfflineLlm } from "../../../adapters/llm/offline-llm.ts";
import type { LlmRequest } from "../../../core/ports/llm.ts";

const llm = new OfflineLlm();
const ask = (content: string, extra: Partial<LlmRequest> = {}): LlmRequest => ({ purpose: "test", messages: [{ role: "user", content }], ...extra });

describe("OfflineLlm", () => {
  it("is labelled: provider offline, offline true, cost 0", async () => {
    const result = await llm.complete(ask("Anything at all."));
    expect(result).toMatchObject({ provider: "offline", model: "offline-extractive", offline: true, costUsd: 0 });
  });

  it("is deterministic: the same input gives the same output; different inputs different outputs", async () => {
    const a1 = await llm.complete(ask("The Leeds warehouse shipped 400 orders. Returns were low."));
    const a2 = await llm.complete(ask("The Leeds warehouse shipped 400 orders. Returns were low."));
    const b = await llm.complete(ask("The Berlin office hired two engineers. Rent went up."));
    expect(a1).toEqual(a2);
    expect(b.text).not.toBe(a1.text);
  });

  it("summarises JSON in the prompt: the keys and values it holds", async () => {
    const result = await llm.complete(ask('Summarise this record: {"name":"Acme Ltd","revenue":125000,"status":"open","owner":{"id":7,"name":"Ada"}}'));
    expect(result.text).toContain("4 fields");
    expect(result.text).toContain('name: "Acme Ltd"');
    expect(result.text).toContain("revenue: 125000");
    expect(result.text).toContain('status: "open"');
    expect(result.text).toContain("owner: {id, name}");
  });

  it("describes a JSON list: counts, numeric ranges and totals, frequent values", async () => {
    const deals = [
      { title: "A", amount: 100, stage: "won" },
      { title: "B", amount: 250.5, stage: "won" },
      { title: "C", amount: 50, stage: "lost", note: "late" },
    ];
    const result = await llm.complete(ask(`Deals:\n\`\`\`json\n${JSON.stringify(deals)}\n\`\`\``));
    expect(result.text).toContain("3 items");
    expect(result.text).toContain("amount: 50 to 250.5, total 400.5");
    expect(result.text).toContain('stage: "won" (2), "lost"');
    expect(result.text).toContain("note: \"late\" (in 1 of 3)");
  });

  it("summarises prose by its most representative sentences and key terms", async () => {
    const text =
      "The warehouse in Leeds shipped 400 orders in March. Returns were low at two percent. " +
      "The Leeds team hired three packers. Weather delayed two trucks. " +
      "Customers praised the Leeds warehouse for speed. Next quarter the warehouse adds a night shift.";
    const result = await llm.complete(ask(text));
    expect(result.text).toContain("The warehouse in Leeds shipped 400 orders in March.");
    expect(result.text).toMatch(/Key terms: .*(leeds|warehouse)/);
    expect(result.text.length).toBeLessThan(text.length + 60);
  });

  it("answers a question from the earlier conversation", async () => {
    const result = await llm.complete({
      purpose: "test",
      messages: [
        { role: "user", content: "Acme renewed for 12000 EUR. Globex churned in May. Initech asked for a demo." },
        { role: "assistant", content: "Noted." },
        { role: "user", content: "What happened with Globex?" },
      ],
    });
    expect(result.text).toContain("Globex churned in May.");
  });

  it("json format: one object with summary, key points and terms", async () => {
    const result = await llm.complete(ask('{"city":"Leeds","orders":400}', { responseFormat: "json" }));
    const parsed = JSON.parse(result.text) as Record<string, unknown>;
    expect(parsed).toMatchObject({ offline: true, key_points: ['city: "Leeds"', "orders: 400"] });
    expect(parsed.summary).toContain("2 fields");
  });

  it("estimates tokens at ~4 characters each and respects maxTokens", async () => {
    const content = "word ".repeat(400);
    const result = await llm.complete(ask(content, { system: "abcd", maxTokens: 10 }));
    expect(result.usage.inputTokens).toBe(Math.ceil(("abcd\n" + content).length / 4));
    expect(result.text.length).toBeLessThanOrEqual(40);
    expect(result.usage.outputTokens).toBe(Math.ceil(result.text.length / 4));
  });
});
