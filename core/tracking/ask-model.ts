import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { ServiceUnavailable } from "../errors.ts";
import { jsonAnswer } from "../llm/json-answer.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { LlmResult } from "../ports/llm.ts";
import type { TrackingAiDeps } from "./tracking-deps.ts";

/** Token usage and cost of the call behind an AI answer, as every AI response shows it. */
export type UsageJson = { input_tokens: number; output_tokens: number; cost_usd: number; model: string; provider: string };

/**
 * Labels every AI response carries. `source` says who wrote the content: `ai` (the model's
 * answer, parsed) or `heuristic` (rules over the record's data, used when the offline
 * provider's extractive reading does not fit the answer's shape). `offline` is the
 * provider's own label.
 */
export type AiLabels = { source: "ai" | "heuristic"; offline: boolean; provider: string; model: string; usage: UsageJson };

export function usageOf(result: Pick<LlmResult, "usage" | "costUsd" | "model" | "provider">): UsageJson {
  return { input_tokens: result.usage.inputTokens, output_tokens: result.usage.outputTokens, cost_usd: result.costUsd, model: result.model, provider: result.provider };
}

/** Labels for an answer built without calling the model (nothing to ask about). */
export function noCallLabels(deps: TrackingAiDeps): AiLabels {
  const offline = deps.llm.provider === "offline";
  return { source: "heuristic", offline, provider: deps.llm.provider, model: deps.llm.defaultModel, usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0, model: deps.llm.defaultModel, provider: deps.llm.provider } };
}

export type ModelQuestion<S extends z.ZodType> = {
  purpose: string;
  system: string;
  /** The instruction; `data` is appended as JSON. */
  instruction: string;
  data: unknown;
  schema: S;
  maxTokens?: number;
};

/**
 * Asks the model for JSON in the shape of `schema` and returns the parsed answer, or null
 * when the offline provider's reading does not fit (the caller then builds its heuristic
 * result). A real model's malformed answer is a 503 problem (`service_unavailable`), never a
 * 500: the caller can retry, and no half-parsed answer reaches users.
 */
export async function askModel<S extends z.ZodType>(deps: TrackingAiDeps, actor: Actor, q: ModelQuestion<S>): Promise<{ answer: z.infer<S> | null; result: LlmResult }> {
  const result = await deps.llm.complete(workspaceOf(actor), actor.userId, {
    purpose: q.purpose,
    system: q.system,
    messages: [{ role: "user", content: `${q.instruction}\n\n${JSON.stringify(q.data)}` }],
    responseFormat: "json",
    temperature: 0.2,
    maxTokens: q.maxTokens ?? 1500,
  });
  const parsed = parseAnswer(result.text, q.schema);
  if (parsed.ok) return { answer: parsed.value, result };
  if (result.offline) return { answer: null, result };
  throw new ServiceUnavailable(`the AI model's answer could not be used (${parsed.reason}); try again`);
}

function parseAnswer<S extends z.ZodType>(text: string, schema: S): { ok: true; value: z.infer<S> } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(jsonAnswer(text));
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: "not in the expected shape" };
}

/** Labels of an answer from `askModel`. */
export function labelsOf(result: LlmResult, answered: boolean): AiLabels {
  return { source: answered ? "ai" : "heuristic", offline: result.offline, provider: result.provider, model: result.model, usage: usageOf(result) };
}
