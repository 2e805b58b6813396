import { describe, expect, it } from "vitest";
import { costOf, findModel, knownModels, maxTokensFor } from "../../../core/llm/model-registry.ts";

describe("model registry", () => {
  it("knows the current Anthropic and OpenAI families with limits and prices", () => {
    const ids = knownModels().map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["claude-sonnet-5-5", "claude-opus-5-5", "claude-haiku-4-5", "gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o3", "o4-mini"]));
    for (const m of knownModels()) {
      expect(m.contextWindow).toBeGreaterThan(m.maxOutputTokens);
      expect(m.inputUsdPerMTok).toBeGreaterThanOrEqual(0);
      expect(m.outputUsdPerMTok).toBeGreaterThanOrEqual(m.inputUsdPerMTok);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("resolves dated snapshots and -latest aliases to their family entry", () => {
    expect(findModel("claude-sonnet-4-5-20250929")?.id).toBe("claude-sonnet-4-5");
    expect(findModel("gpt-4o-mini-2024-07-18")?.id).toBe("gpt-4o-mini");
    expect(findModel("gpt-4o-2024-08-06")?.id).toBe("gpt-4o");
    expect(findModel("o3-mini-2025-01-31")).toMatchObject({ id: "o3-mini", reasoning: true });
    expect(findModel("GPT-4.1")?.id).toBe("gpt-4.1");
  });

  it("treats open-weight names (Ollama tags, vLLM paths) as local models at price 0", () => {
    expect(findModel("llama3.1:8b")).toMatchObject({ family: "local", inputUsdPerMTok: 0, outputUsdPerMTok: 0 });
    expect(findModel("meta-llama/Llama-3.1-8B-Instruct")).toMatchObject({ family: "local" });
    expect(findModel("qwen2.5")).toMatchObject({ family: "local" });
    expect(costOf("mistral:7b", { inputTokens: 1e6, outputTokens: 1e6 })).toEqual({ costUsd: 0, priced: true });
  });

  it("costOf: tokens times price per million", () => {
    // gpt-4o: $2.50 in, $10 out.
    expect(costOf("gpt-4o", { inputTokens: 1_000_000, outputTokens: 100_000 })).toEqual({ costUsd: 3.5, priced: true });
    // claude-haiku-4-5: $1 in, $5 out; 1234 in + 567 out.
    expect(costOf("claude-haiku-4-5-20251001", { inputTokens: 1234, outputTokens: 567 })).toEqual({ costUsd: 0.004069, priced: true });
    expect(costOf("gpt-4.1-nano", { inputTokens: 1, outputTokens: 0 }).costUsd).toBe(0.0000001);
    expect(costOf("gpt-4o", { inputTokens: 0, outputTokens: 0 })).toEqual({ costUsd: 0, priced: true });
  });

  it("an unknown model costs 0 but says it is unpriced", () => {
    expect(findModel("gpt-9-ultra")).toBeNull();
    expect(costOf("gpt-9-ultra", { inputTokens: 5000, outputTokens: 5000 })).toEqual({ costUsd: 0, priced: false });
  });

  it("maxTokensFor: default 1024, capped at the model's maximum, uncapped for unknown models", () => {
    expect(maxTokensFor("gpt-4o", undefined)).toBe(1024);
    expect(maxTokensFor("gpt-4o", 100_000)).toBe(16_384);
    expect(maxTokensFor("claude-3-5-haiku", 10_000)).toBe(8_192);
    expect(maxTokensFor("mystery-model", 50_000)).toBe(50_000);
  });
});
