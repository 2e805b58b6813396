import { stringify } from "csv-stringify/sync";
import { ACTIVITY_EXPORT_JOB, parseExportPayload, type ActivityExportResult } from "../../core/activity/activity-export.ts";
import type { ActivityItem, ActivityRepository } from "../../core/activity/activity-repository.ts";
import type { EventRecorder } from "../../core/events/domain-event.ts";
import { PermanentJobError, type JobHandler } from "../../core/jobs/job-handler.ts";
import type { ObjectStorage } from "../../core/ports/object-storage.ts";

export { ACTIVITY_EXPORT_JOB };

/** What the export handler needs; the app's `Services` satisfies it. */
export type ActivityExportServices = { activity: ActivityRepository; storage: ObjectStorage; events: EventRecorder };

const CSV_COLUMNS = ["occurred_at", "type", "actor_id", "actor_name", "entity_type", "entity_id", "entity_name", "metadata"] as const;
/** Rows per CSV chunk handed to the storage stream. */
const BATCH = 200;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or tab / CR) as a formula: prefix
 * such cells with a quote so exported user input stays text (CSV injection).
 */
function neutralise(value: string | null): string {
  if (value === null) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRecord(item: ActivityItem): string[] {
  return [
    item.occurredAt.toISOString(),
    neutralise(item.type),
    item.actorId ?? "",
    neutralise(item.actorName),
    neutralise(item.entityType),
    neutralise(item.entityId),
    neutralise(item.entityName),
    neutralise(JSON.stringify(item.metadata)),
  ];
}

function jsonRecord(item: ActivityItem): Record<string, unknown> {
  return {
    id: item.id,
    occurred_at: item.occurredAt.toISOString(),
    type: item.type,
    actor_id: item.actorId,
    actor_name: item.actorName,
    entity_type: item.entityType,
    entity_id: item.entityId,
    entity_name: item.entityName,
    metadata: item.metadata,
  };
}

/**
 * `activity.export`: streams the activity matching the job's filter from a database cursor
 * into object storage as CSV or JSON (constant memory: the storage upload pulls batches),
 * then records `activity_export.completed` for the requester, which the Notifications
 * section turns into a notification per their settings.
 */
export function activityExportHandler(services: ActivityExportServices): JobHandler {
  return async ({ job, signal, reportProgress }) => {
    const payload = parseExportPayload(job.payload);
    if (!payload || payload.workspaceId !== job.workspaceId) throw new PermanentJobError("activity export payload is malformed");
    const ws = { id: payload.workspaceId, schemaName: payload.schemaName };
    const csv = payload.format === "csv";
    const fileName = `activity-${job.createdAt.toISOString().slice(0, 10)}-${job.id.slice(-8)}.${payload.format}`;
    const key = `ws/${ws.id}/activity-exports/${job.id}.${payload.format}`;
    const contentType = csv ? "text/csv; charset=utf-8" : "application/json";

    const rows = services.activity.stream(ws, payload.activityFilter)[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    let count = 0;
    let started = false;
    let finished = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (signal.aborted) {
          await rows.return?.();
          controller.error(signal.reason);
          return;
        }
        let text = "";
        if (!started) {
          started = true;
          text += csv ? stringify([[...CSV_COLUMNS]]) : "[";
        }
        const batch: ActivityItem[] = [];
        while (batch.length < BATCH) {
          const next = await rows.next();
          if (next.done) {
            finished = true;
            break;
          }
          batch.push(next.value);
        }
        if (csv) {
          if (batch.length) text += stringify(batch.map(csvRecord));
        } else {
          text += batch.map((item, i) => `${count + i === 0 ? "\n" : ",\n"}${JSON.stringify(jsonRecord(item))}`).join("");
          if (finished) text += count + batch.length === 0 ? "]\n" : "\n]\n";
        }
        count += batch.length;
        if (batch.length) reportProgress(50, `${count} rows written`, "export");
        if (text) controller.enqueue(encoder.encode(text));
        if (finished) controller.close();
      },
      async cancel() {
        await rows.return?.();
      },
    });

    reportProgress(5, "reading activity", "export");
    const stored = await services.storage.put(key, body, { contentType });
    const result: ActivityExportResult = { storage_key: key, file_name: fileName, content_type: contentType, row_count: count, size_bytes: stored.size };
    await services.events.record({
      workspaceId: ws.id,
      type: "activity_export.completed",
      actorId: null,
      entity: { type: "activity_export", id: job.id, name: fileName },
      metadata: { format: payload.format, row_count: count },
      audience: [payload.userId],
    });
    reportProgress(100, `${count} rows exported`, "done");
    return result;
  };
}
