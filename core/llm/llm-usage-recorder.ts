import type { WorkspaceRef } from "../members/member-repository.ts";
import type { LlmProviderName } from "../ports/llm.ts";

/** One LLM call, as recorded in the workspace's `llm_usage` table. */
export type LlmUsageEntry = {
  id: string;
  /** Who the call was made for; null for system work (jobs, schedules). */
  userId: string | null;
  purpose: string;
  provider: LlmProviderName;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** False when the model had no known price (cost recorded as 0). */
  priced: boolean;
  offline: boolean;
  durationMs: number;
  occurredAt: Date;
};

/** Usage totals of one group (all calls, one model, one purpose...). */
export type LlmUsageTotals = {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Calls whose model had no known price: their cost is missing from `costUsd`. */
  unpricedCalls: number;
};

export type LlmUsageSummary = LlmUsageTotals & {
  /** Start of the window; null: all time. */
  since: Date | null;
  byModel: Array<LlmUsageTotals & { provider: LlmProviderName; model: string }>;
  byPurpose: Array<LlmUsageTotals & { purpose: string }>;
  byUser: Array<LlmUsageTotals & { userId: string | null }>;
};

/** Where LLM usage is kept per workspace, for billing and analytics. */
export interface LlmUsageRecorder {
  record(workspace: WorkspaceRef, entry: LlmUsageEntry): Promise<void>;
  /** Totals of the workspace's calls since `since` (all time when omitted), most costly groups first. */
  summarise(workspace: WorkspaceRef, since?: Date): Promise<LlmUsageSummary>;
}
