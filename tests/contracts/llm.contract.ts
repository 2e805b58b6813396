import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "../../core/errors.ts";
import type { Llm, LlmRequest } from "../../core/ports/llm.ts";
import type { ContractHarness } from "./harness.ts";

/** An LLM adapter under test; `elapse` is unused (kept for the shared harness shape). */
export type LlmHarness = ContractHarness<Llm> & {
  /** How many requests reached the provider's API (0 for the offline provider). */
  networkCalls(): number;
};

const ask = (content: string, extra: Partial<LlmRequest> = {}): LlmRequest => ({
  purpose: "contract.test",
  messages: [{ role: "user", content }],
  ...extra,
});

/** The behaviour every {@link Llm} adapter must show. */
export function describeLlmContract(name: string, make: () => Promise<LlmHarness>): void {
  describe(`Llm contract: ${name}`, () => {
    let h: LlmHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(async () => {
      await h?.close();
    });

    it("answers with text, the model used, token usage and a cost", async () => {
      const result = await h.subject.complete(ask("Our Leeds warehouse shipped 400 orders in March. Returns were low."));
      expect(result.text.trim().length).toBeGreaterThan(0);
      expect(result.provider).toBe(h.subject.provider);
      expect(result.model).toBe(h.subject.defaultModel);
      expect(Number.isInteger(result.usage.inputTokens) && result.usage.inputTokens > 0).toBe(true);
      expect(Number.isInteger(result.usage.outputTokens) && result.usage.outputTokens > 0).toBe(true);
      expect(result.costUsd).toBeGreaterThanOrEqual(0);
      expect(typeof result.priced).toBe("boolean");
      expect(result.offline).toBe(h.subject.provider === "offline");
    });

    it("answers depend on the input", async () => {
      const a = await h.subject.complete(ask("The invoice for Acme is overdue by 30 days."));
      const b = await h.subject.complete(ask("Three new leads came from the Berlin trade fair."));
      expect(a.text).not.toBe(b.text);
    });

    it("uses the model a request names", async () => {
      const model = h.subject.provider === "offline" ? h.subject.defaultModel : h.subject.provider === "anthropic" ? "claude-haiku-4-5" : "gpt-4o-mini";
      const result = await h.subject.complete(ask("Hello there, how are sales?", { model }));
      expect(result.model).toBe(model);
    });

    it("takes a system prompt and a multi-turn conversation", async () => {
      const result = await h.subject.complete({
        purpose: "contract.test",
        system: "You are a concise CRM assistant.",
        messages: [
          { role: "user", content: "Acme Ltd signed a contract worth 12000 EUR on Monday." },
          { role: "assistant", content: "Noted." },
          { role: "user", content: "What did Acme sign?" },
        ],
        temperature: 0,
        maxTokens: 200,
      });
      expect(result.text.trim().length).toBeGreaterThan(0);
    });

    it("responseFormat json: the text is one JSON object", async () => {
      const result = await h.subject.complete(ask('Extract the company: {"company":"Acme","stage":"won"}', { responseFormat: "json" }));
      const parsed: unknown = JSON.parse(result.text);
      expect(parsed).toBeTypeOf("object");
      expect(parsed).not.toBeNull();
    });

    it.each([
      ["no messages", { purpose: "x", messages: [] }, "messages"],
      ["an assistant message first", { purpose: "x", messages: [{ role: "assistant", content: "hi" }] }, "messages[0].role"],
      ["an empty message", { purpose: "x", messages: [{ role: "user", content: "  " }] }, "messages[0].content"],
      ["no purpose", { purpose: "", messages: [{ role: "user", content: "hi" }] }, "purpose"],
      ["maxTokens 0", { purpose: "x", maxTokens: 0, messages: [{ role: "user", content: "hi" }] }, "maxTokens"],
      ["temperature 3", { purpose: "x", temperature: 3, messages: [{ role: "user", content: "hi" }] }, "temperature"],
    ] as Array<[string, LlmRequest, string]>)("rejects %s with Invalid, before any network call", async (_label, request, field) => {
      const before = h.networkCalls();
      const error = await h.subject.complete(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).issues.map((i) => i.field)).toContain(field);
      expect(h.networkCalls()).toBe(before);
    });
  });
}
