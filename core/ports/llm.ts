/**
 * A large language model, provider-neutral: Anthropic, OpenAI (or an OpenAI-compatible server
 * such as Ollama or vLLM), or the deterministic offline provider. One call, one answer; the
 * adapters map provider failures to DomainErrors (429 -> RateLimited, bad credentials or an
 * outage -> ServiceUnavailable, a rejected request -> Invalid), never leaking a key.
 *
 * Use-cases do not call this directly: they call `MeteredLlm` (core/llm/metered-llm.ts), which
 * records every call's usage and cost for the workspace.
 *
 * @example
 * const answer = await llm.complete({
 *   purpose: "records.summary",
 *   system: "You summarise CRM records in two sentences.",
 *   messages: [{ role: "user", content: JSON.stringify(record) }],
 * });
 */
export interface Llm {
  /** Which provider answers: `anthropic`, `openai` or `offline`. */
  readonly provider: LlmProviderName;
  /** The model used when a request names none. */
  readonly defaultModel: string;
  complete(request: LlmRequest): Promise<LlmResult>;
}

export type LlmProviderName = "anthropic" | "openai" | "offline";

export type LlmMessage = { role: "user" | "assistant"; content: string };

export type LlmRequest = {
  /** Defaults to the provider's configured model. */
  model?: string;
  system?: string;
  /** The conversation, oldest first; the first message is the user's. */
  messages: LlmMessage[];
  /** Upper bound of the answer's length; default 1024, capped at the model's maximum. */
  maxTokens?: number;
  /** 0..1; omitted: the provider's default. Ignored by models that do not take it (o-series). */
  temperature?: number;
  /** `json`: the answer's `text` is one JSON value (object or array), without prose or fences. */
  responseFormat?: "text" | "json";
  /** What the call is for (`assistant.chat`, `records.summary`...): usage is reported by it. */
  purpose: string;
};

export type LlmUsage = { inputTokens: number; outputTokens: number };

export type LlmResult = {
  text: string;
  /** The model that answered, as the provider named it. */
  model: string;
  provider: LlmProviderName;
  usage: LlmUsage;
  /** From the model registry; 0 for local/offline models and for models without a known price. */
  costUsd: number;
  /** False when the model has no price in the registry (its cost counts as 0). */
  priced: boolean;
  /** True for the offline provider: the text was built by heuristics, not by a model. */
  offline: boolean;
};
