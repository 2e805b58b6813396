import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/auth/actor.ts";
import { createExportJob } from "../../core/exports/create-export-job.ts";
import { exportObjectKey, type ExportFormat } from "../../core/exports/export-job.ts";
import { neutraliseFormula } from "../../core/exports/export-columns.ts";
import { JobCancelledError, PermanentJobError } from "../../core/jobs/job-handler.ts";
import type { Job } from "../../core/ports/job-queue.ts";
import { createRecord } from "../../core/records/create-record.ts";
import { createRecordset } from "../../core/recordsets/create-recordset.ts";
import type { RecordsetRecord } from "../../core/recordsets/recordset-repository.ts";
import { EXPORT_JOB, recordsetsExportHandler } from "../../jobs/handlers/recordsets-export.ts";
import { createJobRegistry } from "../../jobs/registry.ts";
import { actorOf, createTestApp, type TestApp, type TestWorkspace } from "../support/test-app.ts";

// recordsets.export: cursor -> CSV / XLSX / GeoJSON object in storage, batches, cancel.
let t: TestApp;
let ws: TestWorkspace;
let actor: Actor;
let rs: RecordsetRecord;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.createWorkspace();
  actor = actorOf(ws);
  rs = await createRecordset(t.services, actor, {
    name: "Shops",
    fields: [
      { name: "Name", type: "text" },
      { name: "Revenue", type: "number" },
      { name: "Tags", type: "multi_select", options: [{ value: "a" }, { value: "b" }] },
      { name: "Location", type: "lat_lng" },
    ],
  });
  const rows = [
    { name: "=HYPERLINK(\"http://evil\")", revenue: -5, tags: ["a", "b"], location: { lat: 48.85, lng: 2.35 } },
    { name: "+cmd", revenue: 10, location: { lat: 51.5, lng: -0.12 } },
    { name: "@SUM(A1)", revenue: 20 },
    { name: "-2+3", revenue: 30 },
    { name: "Plain, \"quoted\"", revenue: 40 },
  ];
  for (const fieldValues of rows) await createRecord(t.services, actor, { recordsetId: rs.id, fieldValues });
});
afterAll(async () => t.close());

async function exportJob(format: ExportFormat, extra: { fields?: string[]; filters?: Record<string, string> } = {}): Promise<Job> {
  const { job } = await createExportJob(t.services, actor, { recordsetId: rs.id, format, ...extra });
  return job;
}

async function run(job: Job, options: { batchSize?: number; signal?: AbortSignal } = {}) {
  const progress: number[] = [];
  const handler = recordsetsExportHandler(t.services, { batchSize: options.batchSize ?? 2 });
  const result = (await handler({ job, signal: options.signal ?? new AbortController().signal, reportProgress: (p) => progress.push(p) })) as Record<string, unknown>;
  return { result, progress };
}

async function stored(key: string): Promise<Buffer> {
  const object = await t.services.storage.get(key);
  expect(object).not.toBeNull();
  return Buffer.from(await new Response(object!.body).arrayBuffer());
}

describe("recordsets.export", () => {
  it("is registered when the registry gets the exports services", () => {
    expect(createJobRegistry({ db: t.database.db, exports: t.services }).has(EXPORT_JOB)).toBe(true);
  });

  it("writes a CSV with a header of field names, neutralising formula cells, in batches", async () => {
    const job = await exportJob("csv");
    const { result, progress } = await run(job, { batchSize: 2 });
    const key = exportObjectKey(ws.id, job.id, rs.slug, "csv");
    expect(result).toMatchObject({ storage_key: key, format: "csv", processed: 5, total: 5, file_name: "shops.csv" });
    // 5 rows in batches of 2: 3 batch reports between the start (0) and the end (100).
    expect(progress).toHaveLength(5);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    const text = (await stored(key)).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\n");
    expect(lines[0]).toBe("Name,Revenue,Tags,Location.lat,Location.lng");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil"")",-5,a; b,48.85,2.35`);
    expect(lines[2]).toBe("'+cmd,10,,51.5,-0.12");
    expect(lines[3]).toBe("'@SUM(A1),20,,,");
    expect(lines[4]).toBe("'-2+3,30,,,");
    expect(lines[5]).toBe(`"Plain, ""quoted""",40,,,`);
  });

  it("neutralises tab and carriage-return starts too, and leaves numbers alone", () => {
    expect(neutraliseFormula("\tx")).toBe("'\tx");
    expect(neutraliseFormula("\rx")).toBe("'\rx");
    expect(neutraliseFormula(-3)).toBe(-3);
    expect(neutraliseFormula("safe")).toBe("safe");
  });

  it("exports only the chosen fields and the filtered records", async () => {
    const job = await exportJob("csv", { fields: ["revenue", "name"], filters: { numericFilters: JSON.stringify({ revenue: { gte: 20 } }) } });
    const { result } = await run(job);
    expect(result).toMatchObject({ processed: 3 });
    const lines = (await stored(result.storage_key as string)).toString("utf8").slice(1).trimEnd().split("\n");
    expect(lines).toEqual(["Revenue,Name", "20,'@SUM(A1)", "30,'-2+3", `40,"Plain, ""quoted"""`]);
  });

  it("writes an XLSX that exceljs reads back", async () => {
    const job = await exportJob("xlsx");
    const { result } = await run(job);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await stored(result.storage_key as string)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Shops");
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Name", "Revenue", "Tags", "Location.lat", "Location.lng"]);
    expect(values(2)).toEqual(['=HYPERLINK("http://evil")', -5, "a; b", 48.85, 2.35]);
    // Stored as text cells, not formulas.
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.rowCount).toBe(6);
  });

  it("writes a valid GeoJSON FeatureCollection with the geometry and field values", async () => {
    const job = await exportJob("geojson");
    const { result } = await run(job);
    const collection = JSON.parse((await stored(result.storage_key as string)).toString("utf8")) as { type: string; features: Array<{ type: string; id: string; geometry: unknown; properties: Record<string, unknown> }> };
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(5);
    expect(collection.features[0]).toMatchObject({ type: "Feature", geometry: { type: "Point", coordinates: [2.35, 48.85] }, properties: { revenue: -5, tags: ["a", "b"] } });
    expect(collection.features[2]!.geometry).toBeNull();
  });

  it("writes an empty but valid file when nothing matches", async () => {
    const job = await exportJob("geojson", { filters: { search: "zzzznothing" } });
    const { result } = await run(job);
    expect(JSON.parse((await stored(result.storage_key as string)).toString("utf8"))).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("stops between batches when cancelled, storing nothing", async () => {
    const job = await exportJob("csv");
    const controller = new AbortController();
    const handler = recordsetsExportHandler(t.services, { batchSize: 2 });
    const reports: number[] = [];
    const attempt = handler({
      job,
      signal: controller.signal,
      reportProgress: (p) => {
        reports.push(p);
        // Cancel once the first batch is written.
        if (reports.length === 2) controller.abort(new JobCancelledError());
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(JobCancelledError);
    expect(reports).toHaveLength(2);
    expect(await t.services.storage.head(exportObjectKey(ws.id, job.id, rs.slug, "csv"))).toBeNull();
  });

  it("fails for good when the recordset is gone or the payload is malformed", async () => {
    const job = await exportJob("csv");
    const broken = { ...job, payload: { ...(job.payload as object), recordsetId: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20" } };
    await expect(run(broken)).rejects.toBeInstanceOf(PermanentJobError);
    await expect(run({ ...job, payload: { nope: true } })).rejects.toBeInstanceOf(PermanentJobError);
  });
});
