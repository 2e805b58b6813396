import type { WorkspaceRef } from "../members/member-repository.ts";

/** One row of the activity feed: a recorded domain event, with its actor's name. */
export type ActivityItem = {
  id: string;
  type: string;
  actorId: string | null;
  /** The member's display name in this workspace, else their account name; null for the system. */
  actorName: string | null;
  entityType: string;
  entityId: string;
  entityName: string | null;
  metadata: Record<string, unknown>;
  audience: string[];
  occurredAt: Date;
};

/** Feed filters; every given filter must hold. */
export type ActivityFilter = {
  /** Exact types (`member.added`) or entity categories (`member` matches every `member.*`). */
  types?: string[];
  /** Words, each matched as a prefix of a word of the entity name or type. */
  search?: string;
  startDate?: Date;
  endDate?: Date;
  /** Only events by this user or concerning them (in the audience, or about them as a member). */
  concerning?: string;
  /** Only events by these users. */
  actorIds?: string[];
  /** Only events by members of these teams. */
  teamIds?: string[];
};

export type ActivityStats = {
  total: number;
  byType: Array<{ type: string; count: number }>;
  /** One entry per day of the window, oldest first, zero-filled (UTC days). */
  byDay: Array<{ date: string; count: number }>;
  topActors: Array<{ actorId: string; actorName: string | null; count: number }>;
};

/** The activity export jobs as the job list shows them. */
export type ActivityExportJobRecord = {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: number;
  payload: unknown;
  result: unknown;
  lastError: string | null;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** Reads the tenant `activity` table (written by the event recorder). Workspace-scoped. */
export interface ActivityRepository {
  /** Newest first (occurred_at, then id). */
  feed(ws: WorkspaceRef, filter: ActivityFilter, page: { limit: number; offset: number }): Promise<{ items: ActivityItem[]; total: number }>;
  /** Counts over the `days` UTC days ending today (`now`), `top` most active actors. */
  stats(ws: WorkspaceRef, window: { days: number; now: Date; top: number }): Promise<ActivityStats>;
  /** Every matching row, newest first, through a cursor (constant memory). */
  stream(ws: WorkspaceRef, filter: ActivityFilter): AsyncIterable<ActivityItem>;
  /** A user's jobs of `type` in the workspace, newest first. */
  listExportJobs(
    workspaceId: string,
    userId: string,
    type: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: ActivityExportJobRecord[]; total: number }>;
}
