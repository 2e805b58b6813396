import type { LlmUsage } from "../ports/llm.ts";

/** What we know of a model: limits and list price (USD per million tokens). */
export type ModelInfo = {
  id: string;
  /** `local`: open-weight models served by Ollama/vLLM; `offline`: the heuristic provider. */
  family: "anthropic" | "openai" | "local" | "offline";
  contextWindow: number;
  maxOutputTokens: number;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  /** OpenAI reasoning models: take `max_completion_tokens` and no `temperature`. */
  reasoning?: boolean;
};

const K = 1_000;
const M = 1_000_000;

const anthropic = (id: string, input: number, output: number, contextWindow: number, maxOutputTokens: number): ModelInfo => ({
  id,
  family: "anthropic",
  contextWindow,
  maxOutputTokens,
  inputUsdPerMTok: input,
  outputUsdPerMTok: output,
});
const openai = (id: string, input: number, output: number, contextWindow: number, maxOutputTokens: number, reasoning = false): ModelInfo => ({
  id,
  family: "openai",
  contextWindow,
  maxOutputTokens,
  inputUsdPerMTok: input,
  outputUsdPerMTok: output,
  ...(reasoning ? { reasoning } : {}),
});

/*
 * List prices as published by the providers (standard tier, no batch or cache discounts).
 * Only models whose price we could confirm are listed: a model missing here still works and
 * its usage is still recorded, with cost 0 and `priced: false`, so billing screens can show
 * the gap instead of a wrong number. Add a line when a provider ships a model.
 */
const KNOWN: readonly ModelInfo[] = [
  // Anthropic: current families, then legacy ones still served.
  anthropic("claude-fable-5-2", 8, 40, M, 128 * K),
  anthropic("claude-fable-5-1", 10, 50, M, 128 * K),
  anthropic("claude-opus-5-5", 4, 20, M, 128 * K),
  anthropic("claude-opus-5", 5, 25, M, 128 * K),
  anthropic("claude-sonnet-5-5", 2, 10, M, 128 * K),
  anthropic("claude-sonnet-5", 2, 10, M, 128 * K),
  anthropic("claude-opus-4-8", 5, 25, M, 128 * K),
  anthropic("claude-opus-4-6", 5, 25, M, 128 * K),
  anthropic("claude-sonnet-4-6", 3, 15, M, 128 * K),
  anthropic("claude-opus-4-5", 5, 25, 200 * K, 64 * K),
  anthropic("claude-sonnet-4-5", 3, 15, 200 * K, 64 * K),
  anthropic("claude-haiku-4-5", 1, 5, 200 * K, 64 * K),
  anthropic("claude-opus-4-1", 15, 75, 200 * K, 32 * K),
  anthropic("claude-opus-4", 15, 75, 200 * K, 32 * K),
  anthropic("claude-sonnet-4", 3, 15, 200 * K, 64 * K),
  anthropic("claude-3-7-sonnet", 3, 15, 200 * K, 64 * K),
  anthropic("claude-3-5-haiku", 0.8, 4, 200 * K, 8_192),
  // OpenAI: GPT-4o, GPT-4.1, GPT-5 and the o-series reasoning models.
  openai("gpt-4o", 2.5, 10, 128 * K, 16_384),
  openai("gpt-4o-mini", 0.15, 0.6, 128 * K, 16_384),
  openai("gpt-4.1", 2, 8, 1_047_576, 32_768),
  openai("gpt-4.1-mini", 0.4, 1.6, 1_047_576, 32_768),
  openai("gpt-4.1-nano", 0.1, 0.4, 1_047_576, 32_768),
  openai("gpt-5", 1.25, 10, 400 * K, 128 * K, true),
  openai("gpt-5-mini", 0.25, 2, 400 * K, 128 * K, true),
  openai("gpt-5-nano", 0.05, 0.4, 400 * K, 128 * K, true),
  openai("o1", 15, 60, 200 * K, 100 * K, true),
  openai("o1-mini", 1.1, 4.4, 128 * K, 65_536, true),
  openai("o3", 2, 8, 200 * K, 100 * K, true),
  openai("o3-mini", 1.1, 4.4, 200 * K, 100 * K, true),
  openai("o4-mini", 1.1, 4.4, 200 * K, 100 * K, true),
  // The offline provider's "model".
  { id: "offline-extractive", family: "offline", contextWindow: M, maxOutputTokens: 16_384, inputUsdPerMTok: 0, outputUsdPerMTok: 0 },
];

/**
 * Open-weight models (Ollama tags like `llama3.1:8b`, vLLM paths like
 * `meta-llama/Llama-3.1-8B-Instruct`): free to run as far as we bill, limits vary by model, so
 * the generic entry is conservative.
 */
const LOCAL_FAMILIES = /^(llama|codellama|qwen|qwq|mistral|mixtral|ministral|gemma|phi|deepseek|granite|command-r|olmo|smollm|gpt-oss|nemotron|falcon|yi)/;
const LOCAL: Omit<ModelInfo, "id"> = { family: "local", contextWindow: 8_192, maxOutputTokens: 4_096, inputUsdPerMTok: 0, outputUsdPerMTok: 0 };

const byId = new Map(KNOWN.map((m) => [m.id, m]));
/** Dated snapshots (`claude-sonnet-4-5-20250929`, `gpt-4o-2024-08-06`) and `-latest` aliases. */
const SNAPSHOT_SUFFIX = /-(?:\d{8}|\d{4}-\d{2}-\d{2}|latest)$/;

/** Every model with a known price, for docs and admin screens. */
export function knownModels(): readonly ModelInfo[] {
  return KNOWN;
}

/**
 * The registry entry for `model`: exact id, a dated snapshot of a known id, or the generic
 * local entry for open-weight names. Null when unknown (its cost is then 0, see {@link costOf}).
 *
 * @example
 * findModel("claude-sonnet-4-5-20250929")?.id; // "claude-sonnet-4-5"
 */
export function findModel(model: string): ModelInfo | null {
  const name = model.trim().toLowerCase();
  const known = byId.get(name) ?? byId.get(name.replace(SNAPSHOT_SUFFIX, ""));
  if (known) return known;
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (name.includes(":") || LOCAL_FAMILIES.test(base)) return { id: model, ...LOCAL };
  return null;
}

/** Cost of one call in USD, rounded to 1e-8; `priced` false (cost 0) for unknown models. */
export function costOf(model: string, usage: LlmUsage): { costUsd: number; priced: boolean } {
  const info = findModel(model);
  if (!info) return { costUsd: 0, priced: false };
  const cost = (usage.inputTokens * info.inputUsdPerMTok + usage.outputTokens * info.outputUsdPerMTok) / M;
  return { costUsd: Math.round(cost * 1e8) / 1e8, priced: true };
}

/** Default answer length when a request gives none. */
export const DEFAULT_MAX_TOKENS = 1024;

/** The `maxTokens` to send: the request's (or the default), capped at the model's maximum. */
export function maxTokensFor(model: string, requested: number | undefined): number {
  const limit = findModel(model)?.maxOutputTokens;
  const wanted = requested ?? DEFAULT_MAX_TOKENS;
  return limit ? Math.min(wanted, limit) : wanted;
}
