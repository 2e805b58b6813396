import { beforeAll, describe, expect, it } from "vitest";
import { EXPORT_JOB } from "../../../core/exports/export-job.ts";
import { recordsetsExportHandler } from "../../../jobs/handlers/recordsets-export.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, makeRecord, makeRecordset, memberWith, type RecordsetJson } from "../records/record-test-helpers.ts";
import { runQueuedJob } from "./run-queued-job.ts";

// POST /api/v1/recordsets/export (createExportJob)
let t: TestApp;
let ws: TestWorkspace;
let rs: RecordsetJson;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  rs = await makeRecordset(t, ws);
  await makeRecord(t, ws, rs.id, { name: "=1+1", price: 5, stage: "won" });
  await makeRecord(t, ws, rs.id, { name: "Beta", price: 50, stage: "new" });
});

const start = (json: unknown, headers = t.as(ws.owner, ws)) => t.request("/api/v1/recordsets/export", { method: "POST", headers, json });

describe("createExportJob: happy", () => {
  it("queues an export that appears in the import/export jobs and downloads once completed", async () => {
    const res = await start({ recordset_id: rs.id, format: "csv", fields: ["name", "price"], filters: { column_filters: { stage: "won" } } });
    expect(res.status).toBe(200);
    const created = await res.json();
    expect(created).toMatchObject({ job_type: "export", status: "pending", recordset_id: rs.id, file_name: `${rs.slug}.csv`, download_url: null, status_url: `/api/v1/recordsets/import/jobs/${created.job_id}` });
    expect(created.id).toBe(created.job_id);

    await runQueuedJob(t, created.job_id, EXPORT_JOB, recordsetsExportHandler(t.services));
    const job = await (await t.request(`/api/v1/recordsets/import/jobs/${created.job_id}`, { headers: t.as(ws.owner, ws) })).json();
    expect(job).toMatchObject({ status: "completed", job_type: "export", progress: { processed: 1, total: 1, percent: 100 } });
    expect(job.download_url).toMatch(/^http/);
    const download = await t.app.request(new URL(job.download_url).pathname + new URL(job.download_url).search);
    expect(download.status).toBe(200);
    expect((await download.text()).replace(/^\uFEFF/, "").trimEnd()).toBe("Name,Price\n'=1+1,5");

    const list = await (await t.request("/api/v1/recordsets/import/jobs?job_type=export", { headers: t.as(ws.owner, ws) })).json();
    expect(list.items.map((j: { id: string }) => j.id)).toContain(created.job_id);
  });

  it("lets a member with can_view export, in every format", async () => {
    const viewer = await memberWith(t, ws, rs, ["can_view"]);
    for (const format of ["xlsx", "geojson"]) {
      const res = await start({ recordset_id: rs.id, format }, t.as(viewer, ws));
      expect(res.status).toBe(200);
      expect((await res.json()).file_name).toBe(`${rs.slug}.${format}`);
    }
  });
});

describe("createExportJob: error", () => {
  it("answers 422 for unknown fields, bad filters and formats", async () => {
    const unknownField = await expectProblem(await start({ recordset_id: rs.id, fields: ["nope"] }), 422);
    expect(JSON.stringify(unknownField)).toContain("nope");
    const badFilter = await expectProblem(await start({ recordset_id: rs.id, filters: { numeric_filters: { ghost: { gt: 1 } } } }), 422);
    expect(JSON.stringify(badFilter)).toContain("ghost");
    await expectProblem(await start({ recordset_id: rs.id, filters: { column_filters: "{not json" } }), 422);
    await expectProblem(await start({ recordset_id: rs.id, format: "pdf" }), 422);
    await expectProblem(await start({ format: "csv" }), 422);
  });
});

describe("createExportJob: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await start({ recordset_id: rs.id }, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    await expectProblem(await start({ recordset_id: foreign.id }), 404);
  });

  it("answers 403 to a member without can_view on the recordset", async () => {
    const stranger = await memberWith(t, ws, rs, []);
    await expectProblem(await start({ recordset_id: rs.id }, t.as(stranger, ws)), 403);
  });
});
