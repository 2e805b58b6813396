import OpenAI from "openai";
import { estimateTokens } from "../../core/llm/estimate-tokens.ts";
import { JSON_INSTRUCTION, jsonAnswer } from "../../core/llm/json-answer.ts";
import { costOf, findModel, maxTokensFor } from "../../core/llm/model-registry.ts";
import { validateLlmRequest } from "../../core/llm/validate-llm-request.ts";
import type { Llm, LlmRequest, LlmResult } from "../../core/ports/llm.ts";
import { mapProviderError, type ProviderLabel } from "./provider-errors.ts";

export const DEFAULT_OPENAI_MODEL = "gpt-4.1-mini";
export const OPENAI_API_URL = "https://api.openai.com/v1";

export type OpenAiLlmOptions = {
  /** Optional for self-hosted servers (Ollama, vLLM) that take no key. */
  apiKey?: string;
  /** `OPENAI_BASE_URL`: any OpenAI-compatible server; default OpenAI's API. */
  baseUrl?: string;
  /** Required with a self-hosted base URL (there is no sensible default model there). */
  model?: string;
  maxRetries?: number;
  timeoutMs?: number;
};

/**
 * The LLM port on the Chat Completions API, through the official SDK. Pointed at another
 * base URL it serves Ollama, vLLM or any compatible server; those models are ours to run, so
 * their calls cost 0 whatever their name.
 */
export class OpenAiLlm implements Llm {
  readonly provider = "openai" as const;
  readonly defaultModel: string;
  /** True when the base URL is not OpenAI's: a self-hosted, unbilled server. */
  readonly selfHosted: boolean;
  readonly #client: OpenAI;
  readonly #label: ProviderLabel;

  constructor(options: OpenAiLlmOptions) {
    const baseURL = options.baseUrl ?? OPENAI_API_URL;
    this.selfHosted = new URL(baseURL).hostname !== new URL(OPENAI_API_URL).hostname;
    if (this.selfHosted && !options.model) {
      throw new Error("OPENAI_BASE_URL points at a self-hosted server: set LLM_MODEL to one of its models (e.g. llama3.1:8b)");
    }
    if (!this.selfHosted && !options.apiKey) throw new Error("the OpenAI provider needs OPENAI_API_KEY");
    this.defaultModel = options.model ?? DEFAULT_OPENAI_MODEL;
    this.#client = new OpenAI({
      // Ollama and vLLM ignore the key, but the SDK insists on one.
      apiKey: options.apiKey ?? "not-needed",
      baseURL,
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 120_000,
    });
    this.#label = {
      name: this.selfHosted ? `OpenAI-compatible server at ${new URL(baseURL).host}` : "OpenAI",
      keyVariable: "OPENAI_API_KEY",
      secrets: [options.apiKey],
    };
  }

  async complete(request: LlmRequest): Promise<LlmResult> {
    validateLlmRequest(request);
    const model = request.model ?? this.defaultModel;
    const json = request.responseFormat === "json";
    // JSON mode requires the word "JSON" in the messages; the instruction also helps servers without it.
    const system = json ? [request.system, JSON_INSTRUCTION].filter(Boolean).join("\n\n") : request.system;
    const reasoning = findModel(model)?.reasoning === true;
    const maxTokens = maxTokensFor(model, request.maxTokens);
    let completion: OpenAI.Chat.ChatCompletion;
    try {
      completion = await this.#client.chat.completions.create({
        model,
        messages: [
          ...(system ? [{ role: "system" as const, content: system }] : []),
          ...request.messages.map((m) => ({ role: m.role, content: m.content })),
        ],
        // Reasoning models take only max_completion_tokens and their default temperature;
        // compatible servers know max_tokens best.
        ...(reasoning ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens }),
        ...(request.temperature !== undefined && !reasoning ? { temperature: request.temperature } : {}),
        ...(json ? { response_format: { type: "json_object" as const } } : {}),
      });
    } catch (error) {
      throw mapProviderError(error, this.#label);
    }
    const raw = completion.choices[0]?.message?.content ?? "";
    const answeredBy = completion.model || model;
    // Some compatible servers omit usage: estimate it rather than record nothing.
    const usage = completion.usage
      ? { inputTokens: completion.usage.prompt_tokens, outputTokens: completion.usage.completion_tokens }
      : {
          inputTokens: estimateTokens([system ?? "", ...request.messages.map((m) => m.content)].join("\n")),
          outputTokens: estimateTokens(raw),
        };
    return {
      text: json ? jsonAnswer(raw) : raw,
      model: answeredBy,
      provider: "openai",
      usage,
      ...(this.selfHosted ? { costUsd: 0, priced: true } : costOf(answeredBy, usage)),
      offline: false,
    };
  }
}
