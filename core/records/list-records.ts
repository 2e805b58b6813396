import type { Actor } from "../auth/actor.ts";
import { Invalid } from "../errors.ts";
import { recordsetFor, visibleRecordsetIds } from "../recordsets/recordset-access.ts";
import type { RecordsetRecord } from "../recordsets/recordset-repository.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import { parseRecordFilters, resolveField, type FilterSchema } from "./record-filters.ts";
import type { RecordRecord, RecordSort, RecordStatus } from "./record-repository.ts";

export type ListRecordsInput = {
  recordsetId?: string | undefined;
  page: number;
  pageSize: number;
  search?: string | undefined;
  status?: RecordStatus | undefined;
  tags?: string[] | undefined;
  fields?: string[] | undefined;
  sortBy?: string | undefined;
  sortOrder?: "asc" | "desc" | undefined;
  columnFilters?: string | undefined;
  dateFilters?: string | undefined;
  numericFilters?: string | undefined;
  tool?: string | undefined;
  excludeRecommendation?: boolean | undefined;
  groupId?: string | undefined;
};

export type RecordPage = {
  items: RecordRecord[];
  total: number;
  /** True when `total` is the database's estimate (large results; see RecordRepository.list). */
  totalIsEstimate?: boolean | undefined;
  page: number;
  pageSize: number;
  fields?: string[] | undefined;
};

/** Checks a `fields` projection against the schema (built-ins need no check). */
export function checkProjection(recordset: RecordsetRecord | null, fields: string[] | undefined): void {
  if (!fields || !recordset) return;
  const unknown = fields.filter((k) => !recordset.fields.some((f) => f.key === k));
  if (unknown.length) throw new Invalid(`unknown field(s) in fields: ${unknown.join(", ")}`, unknown.map((k) => ({ field: "fields", message: `unknown field "${k}"` })));
}

/**
 * Records of one recordset (403 without `can_view` on it) or, without `recordset_id`, of
 * every recordset the actor can see. Filters, sort and projection are checked against the
 * recordset's schema; across recordsets only the built-in title/created_at/updated_at can
 * be filtered or sorted on.
 */
export async function listRecords(deps: RecordDeps, actor: Actor, input: ListRecordsInput): Promise<RecordPage> {
  const recordset = input.recordsetId ? (await recordsetFor(deps, actor, { id: input.recordsetId }, "can_view")).recordset : null;
  const schema: FilterSchema = recordset ? { fields: recordset.fields, promoted: recordset.promoted } : null;
  const filters = parseRecordFilters(input, schema);
  checkProjection(recordset, input.fields);
  const sort: RecordSort | undefined = input.sortBy ? { ref: resolveField(schema, input.sortBy, "sort_by"), order: input.sortOrder ?? "asc" } : undefined;
  const recordsets = recordset ? [recordset.id] : await visibleRecordsetIds(deps, actor);
  const { items, total, totalIsEstimate } = await deps.records.list(workspaceOf(actor), {
    recordsets,
    page: input.page,
    pageSize: input.pageSize,
    search: input.search,
    status: input.status,
    tags: input.tags,
    filters,
    sort,
    tool: input.tool,
    excludeRecommendation: input.excludeRecommendation,
    groupId: input.groupId,
  });
  return { items, total, totalIsEstimate: totalIsEstimate ?? false, page: input.page, pageSize: input.pageSize, fields: input.fields };
}
