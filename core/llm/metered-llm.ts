import { newId } from "../ids.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";
import type { Llm, LlmProviderName, LlmRequest, LlmResult } from "../ports/llm.ts";
import type { LlmUsageRecorder } from "./llm-usage-recorder.ts";

/**
 * The LLM as use-cases see it: every completed call is recorded for the workspace (model,
 * provider, purpose, tokens, cost, duration, user) before its answer is returned.
 */
export interface MeteredLlm {
  readonly provider: LlmProviderName;
  readonly defaultModel: string;
  /**
   * Asks the model on behalf of `userId` (null for system work) in `workspace`. Throws the
   * adapter's DomainErrors (Invalid, RateLimited, ServiceUnavailable); failed calls are not
   * recorded, since providers do not bill them.
   */
  complete(workspace: WorkspaceRef, userId: string | null, request: LlmRequest): Promise<LlmResult>;
}

export type MeteredLlmOptions = {
  /** Wall clock for `occurredAt`; default `new Date()`. */
  now?: () => Date;
  /** Monotonic milliseconds for durations; default `performance.now()`. */
  clock?: () => number;
};

/**
 * Wraps `llm` so usage always lands in `recorder`. The record is written in its own
 * transaction, not the caller's: the tokens were spent even if the caller's work rolls back.
 * A failed record fails the call, so unmetered answers never reach users.
 *
 * @example
 * const llm = meteredLlm(new OfflineLlm(), usageRecorder);
 * const answer = await llm.complete(workspace, actor.userId, { purpose: "records.summary", messages });
 */
export function meteredLlm(llm: Llm, recorder: LlmUsageRecorder, options: MeteredLlmOptions = {}): MeteredLlm {
  const now = options.now ?? (() => new Date());
  const clock = options.clock ?? (() => performance.now());
  return {
    provider: llm.provider,
    defaultModel: llm.defaultModel,
    async complete(workspace, userId, request) {
      const started = clock();
      const result = await llm.complete(request);
      await recorder.record(workspace, {
        id: newId(),
        userId,
        purpose: request.purpose,
        provider: result.provider,
        model: result.model,
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
        costUsd: result.costUsd,
        priced: result.priced,
        offline: result.offline,
        durationMs: Math.max(0, Math.round(clock() - started)),
        occurredAt: now(),
      });
      return result;
    },
  };
}
