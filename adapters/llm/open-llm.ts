import type { Llm, LlmProviderName } from "../../core/ports/llm.ts";
import { OfflineLlm } from "./offline-llm.ts";

export type OpenLlmOptions = {
  /** `LLM_PROVIDER`; unset: anthropic with an Anthropic key, else openai with an OpenAI key or base URL, else offline. */
  provider?: LlmProviderName;
  anthropicApiKey?: string;
  openaiApiKey?: string;
  openaiBaseUrl?: string;
  /** `LLM_MODEL`: the default model; unset: the provider's default. */
  model?: string;
};

/** The provider `options` select, by the rule in {@link OpenLlmOptions.provider}. */
export function selectLlmProvider(options: OpenLlmOptions): LlmProviderName {
  if (options.provider) return options.provider;
  if (options.anthropicApiKey) return "anthropic";
  if (options.openaiApiKey || options.openaiBaseUrl) return "openai";
  return "offline";
}

/**
 * The LLM adapter for the configuration. A provider chosen explicitly without what it needs
 * stops the start with a message naming the variable, rather than failing on the first call.
 * Only the chosen provider's SDK is loaded (each is 8 to 12 MB of resident memory).
 */
export async function openLlm(options: OpenLlmOptions): Promise<{ llm: Llm; kind: string }> {
  const provider = selectLlmProvider(options);
  switch (provider) {
    case "anthropic": {
      if (!options.anthropicApiKey) throw new Error("LLM_PROVIDER=anthropic needs ANTHROPIC_API_KEY");
      const { AnthropicLlm } = await import("./anthropic-llm.ts");
      const llm = new AnthropicLlm({ apiKey: options.anthropicApiKey, model: options.model });
      return { llm, kind: `anthropic (${llm.defaultModel})` };
    }
    case "openai": {
      if (!options.openaiApiKey && !options.openaiBaseUrl) throw new Error("LLM_PROVIDER=openai needs OPENAI_API_KEY or OPENAI_BASE_URL");
      const { OpenAiLlm } = await import("./openai-llm.ts");
      const llm = new OpenAiLlm({ apiKey: options.openaiApiKey, baseUrl: options.openaiBaseUrl, model: options.model });
      return { llm, kind: `${llm.selfHosted ? "openai-compatible" : "openai"} (${llm.defaultModel})` };
    }
    case "offline":
      return { llm: new OfflineLlm(), kind: "offline" };
  }
}
