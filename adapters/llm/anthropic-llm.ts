import Anthropic from "@anthropic-ai/sdk";
import { JSON_INSTRUCTION, jsonAnswer } from "../../core/llm/json-answer.ts";
import { costOf, maxTokensFor } from "../../core/llm/model-registry.ts";
import { validateLlmRequest } from "../../core/llm/validate-llm-request.ts";
import type { Llm, LlmRequest, LlmResult } from "../../core/ports/llm.ts";
import { mapProviderError, type ProviderLabel } from "./provider-errors.ts";

export const DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-5-5";

export type AnthropicLlmOptions = {
  apiKey: string;
  model?: string;
  /** Tests and proxies; default https://api.anthropic.com. */
  baseUrl?: string;
  /** SDK retries on 429/5xx/network errors before we map the error (default 2). */
  maxRetries?: number;
  timeoutMs?: number;
};

/** The LLM port on Anthropic's Messages API, through the official SDK. */
export class AnthropicLlm implements Llm {
  readonly provider = "anthropic" as const;
  readonly defaultModel: string;
  readonly #client: Anthropic;
  readonly #label: ProviderLabel;

  constructor(options: AnthropicLlmOptions) {
    this.defaultModel = options.model ?? DEFAULT_ANTHROPIC_MODEL;
    // Explicit options only: the SDK would otherwise also read ANTHROPIC_BASE_URL and friends.
    this.#client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseUrl ?? "https://api.anthropic.com",
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 120_000,
    });
    this.#label = { name: "Anthropic", keyVariable: "ANTHROPIC_API_KEY", secrets: [options.apiKey] };
  }

  async complete(request: LlmRequest): Promise<LlmResult> {
    validateLlmRequest(request);
    const model = request.model ?? this.defaultModel;
    const json = request.responseFormat === "json";
    // No schema-free JSON mode on this API: ask for JSON in the system prompt, then extract it.
    const system = json ? [request.system, JSON_INSTRUCTION].filter(Boolean).join("\n\n") : request.system;
    let message: Anthropic.Message;
    try {
      message = await this.#client.messages.create({
        model,
        max_tokens: maxTokensFor(model, request.maxTokens),
        ...(system ? { system } : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      });
    } catch (error) {
      throw mapProviderError(error, this.#label);
    }
    const raw = message.content
      .filter((block): block is Anthropic.TextBlock => block.type === "text")
      .map((block) => block.text)
      .join("");
    const usage = { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
    return {
      text: json ? jsonAnswer(raw) : raw,
      model: message.model,
      provider: "anthropic",
      usage,
      ...costOf(message.model, usage),
      offline: false,
    };
  }
}
