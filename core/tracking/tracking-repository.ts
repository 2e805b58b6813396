import type { WorkspaceRef } from "../members/member-repository.ts";
import type { Within } from "../records/record-repository.ts";

export const insightSources = ["ai", "heuristic", "manual"] as const;
export type InsightSource = (typeof insightSources)[number];

export const priorities = ["low", "medium", "high", "urgent"] as const;
export type Priority = (typeof priorities)[number];

export const interactionTypes = ["call", "email", "meeting", "note", "message", "visit", "other"] as const;
export type InteractionType = (typeof interactionTypes)[number];

export const taskStatuses = ["todo", "in_progress", "completed", "cancelled"] as const;
export type TaskStatus = (typeof taskStatuses)[number];
/** Statuses of work still to do: what "open" and "overdue" count. */
export const openTaskStatuses: readonly TaskStatus[] = ["todo", "in_progress"];

export type InsightRecord = {
  id: string;
  recordId: string;
  insightType: string;
  title: string;
  body: string;
  priority: Priority;
  /** 0..1 confidence or weight; null when the source gave none. */
  score: number | null;
  source: InsightSource;
  provider: string | null;
  model: string | null;
  offline: boolean;
  dismissedAt: Date | null;
  dismissedBy: string | null;
  actionTakenAt: Date | null;
  actionTakenBy: string | null;
  createdBy: string | null;
  createdAt: Date;
};

export type NewInsight = Omit<InsightRecord, "dismissedAt" | "dismissedBy" | "actionTakenAt" | "actionTakenBy" | "createdAt">;

export type InteractionRecord = {
  id: string;
  recordId: string;
  interactionType: InteractionType;
  summary: string;
  notes: string | null;
  occurredAt: Date;
  durationMinutes: number | null;
  outcome: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type NewInteraction = Omit<InteractionRecord, "createdAt" | "updatedAt">;
export type InteractionPatch = Partial<Pick<InteractionRecord, "interactionType" | "summary" | "notes" | "occurredAt" | "durationMinutes" | "outcome">>;

export type TaskRecord = {
  id: string;
  recordId: string;
  title: string;
  description: string | null;
  dueAt: Date | null;
  priority: Priority;
  status: TaskStatus;
  assigneeId: string | null;
  completedAt: Date | null;
  completedBy: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type NewTask = Omit<TaskRecord, "createdAt" | "updatedAt">;
export type TaskPatch = Partial<Pick<TaskRecord, "title" | "description" | "dueAt" | "priority" | "status" | "assigneeId" | "completedAt" | "completedBy">>;

export type Page<T> = { items: T[]; total: number };
export type PageQuery = { recordId: string; page: number; pageSize: number };

export type InsightListQuery = PageQuery & { insightType?: string | undefined; includeDismissed: boolean };
export type InteractionListQuery = PageQuery & { interactionType?: InteractionType | undefined };
export type TaskListQuery = PageQuery & {
  status?: TaskStatus | undefined;
  priority?: Priority | undefined;
  /** Without a status: leave completed tasks out unless true. */
  includeCompleted: boolean;
};

/** Tracking metrics of one recordset, aggregated in the database. */
export type TrackingDashboard = {
  records: { total: number; withInteractions: number; withoutInteraction30Days: number; withOpenTasks: number };
  interactions: { total: number; last7Days: number; last30Days: number; byType: Record<string, number> };
  tasks: { open: number; overdue: number; dueNext7Days: number; completed: number; completedLast30Days: number; cancelled: number; openByPriority: Record<string, number> };
  insights: { active: number; dismissed: number; actionTaken: number; activeByType: Record<string, number> };
};

/** What the AI operations know about one record's tracking (recent first). */
export type RecordTrackingContext = {
  interactionCount: number;
  lastInteractionAt: Date | null;
  recentInteractions: InteractionRecord[];
  openTasks: TaskRecord[];
  overdueTasks: number;
  activeInsights: InsightRecord[];
};

/** A record that may need a follow-up, with the facts that say why. */
export type FollowUpCandidate = {
  recordId: string;
  title: string | null;
  lastInteractionAt: Date | null;
  lastInteractionType: InteractionType | null;
  lastInteractionSummary: string | null;
  openTasks: number;
  overdueTasks: number;
  /** Title of the open task due first, if any. */
  nextTaskTitle: string | null;
  nextTaskDueAt: Date | null;
};

/**
 * Tracking rows of one workspace's records. Rows of records that are deleted (soft) are not
 * returned by finds, so their ids answer 404 like the record's own.
 */
export interface TrackingRepository {
  listInsights(ws: WorkspaceRef, query: InsightListQuery): Promise<Page<InsightRecord>>;
  findInsight(ws: WorkspaceRef, id: string): Promise<InsightRecord | null>;
  /**
   * Stores generated insights for `recordId`, first removing its earlier generated ones that
   * nobody dismissed or acted on (a regeneration replaces them; handled ones stay).
   */
  replaceGeneratedInsights(ws: WorkspaceRef, recordId: string, insights: NewInsight[], within?: Within): Promise<InsightRecord[]>;
  /** Sets dismissed or action-taken (who and when, first time only); null when not found. */
  markInsight(ws: WorkspaceRef, id: string, mark: "dismissed" | "action_taken", userId: string | null, at: Date, within?: Within): Promise<InsightRecord | null>;

  listInteractions(ws: WorkspaceRef, query: InteractionListQuery): Promise<Page<InteractionRecord>>;
  findInteraction(ws: WorkspaceRef, id: string): Promise<InteractionRecord | null>;
  createInteraction(ws: WorkspaceRef, interaction: NewInteraction, within?: Within): Promise<InteractionRecord>;
  updateInteraction(ws: WorkspaceRef, id: string, patch: InteractionPatch, within?: Within): Promise<InteractionRecord | null>;
  deleteInteraction(ws: WorkspaceRef, id: string, within?: Within): Promise<boolean>;

  listTasks(ws: WorkspaceRef, query: TaskListQuery, now: Date): Promise<Page<TaskRecord>>;
  findTask(ws: WorkspaceRef, id: string): Promise<TaskRecord | null>;
  createTask(ws: WorkspaceRef, task: NewTask, within?: Within): Promise<TaskRecord>;
  updateTask(ws: WorkspaceRef, id: string, patch: TaskPatch, within?: Within): Promise<TaskRecord | null>;
  deleteTask(ws: WorkspaceRef, id: string, within?: Within): Promise<boolean>;

  dashboard(ws: WorkspaceRef, recordsetId: string, now: Date): Promise<TrackingDashboard>;
  recordContext(ws: WorkspaceRef, recordId: string, now: Date, limits: { interactions: number; tasks: number }): Promise<RecordTrackingContext>;
  /**
   * Records of the recordset that most need a follow-up: overdue tasks first, then the
   * longest without an interaction (never first); records touched within `quietDays` and
   * without overdue tasks are left out.
   */
  followUpCandidates(ws: WorkspaceRef, recordsetId: string, now: Date, options: { limit: number; quietDays: number }): Promise<FollowUpCandidate[]>;
}
