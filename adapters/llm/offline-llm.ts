import { estimateTokens } from "../../core/llm/estimate-tokens.ts";
import { maxTokensFor } from "../../core/llm/model-registry.ts";
import { validateLlmRequest } from "../../core/llm/validate-llm-request.ts";
import type { Llm, LlmRequest, LlmResult } from "../../core/ports/llm.ts";
import { readPrompt } from "./offline-answer.ts";

export const OFFLINE_MODEL = "offline-extractive";

/**
 * The embedded twin of the LLM port: no network, no key, deterministic. It does not pretend
 * to be a model: results say `provider: "offline"`, `offline: true`, and the text is an
 * extractive reading of the prompt (see offline-answer.ts), so features built on the port
 * work end to end, with answers that depend on their input, without a provider.
 */
export class OfflineLlm implements Llm {
  readonly provider = "offline" as const;
  readonly defaultModel = OFFLINE_MODEL;

  async complete(request: LlmRequest): Promise<LlmResult> {
    validateLlmRequest(request);
    const lastUser = request.messages.findLast((m) => m.role === "user")!;
    const context = request.messages
      .filter((m) => m !== lastUser)
      .map((m) => m.content)
      .join("\n");
    const reading = readPrompt(lastUser.content, context);
    const maxChars = maxTokensFor(OFFLINE_MODEL, request.maxTokens) * 4;

    let text: string;
    if (request.responseFormat === "json") {
      text = JSON.stringify({
        summary: clip(reading.summary, maxChars / 2),
        key_points: reading.keyPoints,
        key_terms: reading.keyTerms,
        offline: true,
      });
    } else {
      // A text summary is made of its key points already; JSON descriptions list them below.
      const points = reading.kind === "json" && reading.keyPoints.length > 0 ? `\n${reading.keyPoints.map((p) => `- ${p}`).join("\n")}` : "";
      const terms = reading.keyTerms.length ? `\nKey terms: ${reading.keyTerms.join(", ")}.` : "";
      text = clip(`${reading.summary}${points}${terms}`, maxChars);
    }

    const input = [request.system ?? "", ...request.messages.map((m) => m.content)].join("\n");
    return {
      text,
      model: OFFLINE_MODEL,
      provider: "offline",
      usage: { inputTokens: estimateTokens(input), outputTokens: estimateTokens(text) },
      costUsd: 0,
      priced: true,
      offline: true,
    };
  }
}

function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(0, maxChars - 3)).trimEnd()}...`;
}
