import type { z } from "@hono/zod-openapi";
import type { CreateRecordInput } from "../../../core/records/create-record.ts";
import type { ListRecordsInput, RecordPage } from "../../../core/records/list-records.ts";
import { toRecordJson, type RecordJson } from "../../../core/records/record-view.ts";
import type { UpdateRecordInput } from "../../../core/records/update-record.ts";
import type { CreateRecordSchema, UpdateRecordSchema } from "./schemas.ts";

/*
 * Request -> use-case input and result -> JSON mappings shared by the Records and
 * CRUD - Records routes, so both sections answer the same shapes.
 */

/** The parsed list query (all of `recordListQuery` or its CRUD subset) as use-case input. */
export function listRecordsInput(q: {
  recordset_id?: string | undefined;
  page: number;
  page_size: number;
  search?: string | undefined;
  status?: ListRecordsInput["status"];
  tags?: string[] | undefined;
  fields?: string[] | undefined;
  sort_by?: string | undefined;
  sort_order?: "asc" | "desc" | undefined;
  column_filters?: string | undefined;
  numeric_filters?: string | undefined;
  date_filters?: string | undefined;
  tool?: string | undefined;
  exclude_recommendation?: boolean | undefined;
  group_id?: string | undefined;
}): ListRecordsInput {
  return {
    recordsetId: q.recordset_id,
    page: q.page,
    pageSize: q.page_size,
    search: q.search || undefined,
    status: q.status,
    tags: q.tags,
    fields: q.fields,
    sortBy: q.sort_by,
    sortOrder: q.sort_order,
    columnFilters: q.column_filters,
    numericFilters: q.numeric_filters,
    dateFilters: q.date_filters,
    tool: q.tool,
    excludeRecommendation: q.exclude_recommendation,
    groupId: q.group_id,
  };
}

export function recordPageJson(page: RecordPage): { items: RecordJson[]; total: number; total_is_estimate: boolean; page: number; page_size: number } {
  return { items: page.items.map((r) => toRecordJson(r, page.fields)), total: page.total, total_is_estimate: page.totalIsEstimate ?? false, page: page.page, page_size: page.pageSize };
}

export function createRecordInput(body: z.infer<typeof CreateRecordSchema>): CreateRecordInput {
  return {
    recordsetId: body.recordset_id,
    fieldValues: body.field_values,
    status: body.status,
    tags: body.tags,
    toolStatuses: body.tool_statuses,
    groupId: body.group_id,
  };
}

/** An update body as use-case input: `merge` changes only present keys, `replace` sets the whole value set. */
export function updateRecordInput(recordId: string, body: z.infer<typeof UpdateRecordSchema>, mode: UpdateRecordInput["mode"]): UpdateRecordInput {
  return { recordId, fieldValues: body.field_values, status: body.status, tags: body.tags, mode, expectedVersion: body.version };
}
