import { describe, expect, it } from "vitest";
import { AnthropicLlm } from "../../../adapters/llm/anthropic-llm.ts";
import { OfflineLlm } from "../../../adapters/llm/offline-llm.ts";
import { openLlm, selectLlmProvider } from "../../../adapters/llm/open-llm.ts";
import { OpenAiLlm } from "../../../adapters/llm/openai-llm.ts";
import { loadConfig } from "../../../app/config/load-config.ts";

describe("openLlm (LLM_PROVIDER and defaults)", () => {
  it("without LLM_PROVIDER: anthropic with its key, else openai with a key or base URL, else offline", () => {
    expect(selectLlmProvider({ anthropicApiKey: "a", openaiApiKey: "o" })).toBe("anthropic");
    expect(selectLlmProvider({ openaiApiKey: "o" })).toBe("openai");
    expect(selectLlmProvider({ openaiBaseUrl: "http://localhost:11434/v1" })).toBe("openai");
    expect(selectLlmProvider({})).toBe("offline");
    expect(selectLlmProvider({ provider: "offline", anthropicApiKey: "a" })).toBe("offline");
  });

  it("builds the adapter with the provider's default model, or LLM_MODEL", async () => {
    expect(await openLlm({})).toMatchObject({ kind: "offline" });
    expect((await openLlm({})).llm).toBeInstanceOf(OfflineLlm);
    const anthropic = await openLlm({ anthropicApiKey: "sk-ant-x" });
    expect(anthropic.llm).toBeInstanceOf(AnthropicLlm);
    expect(anthropic).toMatchObject({ kind: "anthropic (claude-sonnet-5-5)" });
    expect(await openLlm({ openaiApiKey: "sk-x", model: "gpt-4o" })).toMatchObject({ kind: "openai (gpt-4o)" });
    const local = await openLlm({ openaiBaseUrl: "http://localhost:11434/v1", model: "llama3.1:8b" });
    expect(local.llm).toBeInstanceOf(OpenAiLlm);
    expect(local.kind).toBe("openai-compatible (llama3.1:8b)");
  });

  it("a provider chosen without what it needs stops the start, naming the variable", async () => {
    await expect(openLlm({ provider: "anthropic" })).rejects.toThrow(/ANTHROPIC_API_KEY/);
    await expect(openLlm({ provider: "openai" })).rejects.toThrow(/OPENAI_API_KEY or OPENAI_BASE_URL/);
    await expect(openLlm({ openaiBaseUrl: "http://localhost:11434/v1" })).rejects.toThrow(/LLM_MODEL/);
  });
});

describe("LLM config variables", () => {
  it("LLM_PROVIDER takes offline, anthropic or openai; anything else is a config error", () => {
    expect(loadConfig({ LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-x", LLM_MODEL: "gpt-4o" })).toMatchObject({ LLM_PROVIDER: "openai", LLM_MODEL: "gpt-4o" });
    expect(loadConfig({}).LLM_PROVIDER).toBeUndefined();
    expect(() => loadConfig({ LLM_PROVIDER: "gemini" })).toThrow(/LLM_PROVIDER/);
  });
});
