import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createFromImport, expectProblem, getJob, importCsv, runImportJob, upload } from "./import-test-helpers.ts";

// POST /api/v1/recordsets/import (createRecordsetFromImport)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const ref = () => ({ id: ws.id, schemaName: ws.schemaName });

describe("createRecordsetFromImport: happy", () => {
  it("creates the recordset with inferred fields, imports good rows and reports bad ones", async () => {
    // 20 good rows, then two bad ones (few enough that the columns still infer as typed).
    const good = Array.from({ length: 20 }, (_, i) => `Place ${i},${100 + i},2024-01-${String(i + 1).padStart(2, "0")},40.${i},-73.${i}`);
    const csv = ["Name,Price,Listed,lat,lng", ...good, "Gamma,abc,2024-03-01,41.2,-74.3", "=HYPERLINK(1),400,2024-04-01,95,-74"].join("\n");
    const { recordsetId, job } = await importCsv(t, ws, csv);
    expect(job).toMatchObject({ job_type: "import", status: "completed", recordset_id: recordsetId });
    expect(job.progress).toMatchObject({ processed: 22, total: 22, imported: 20, rejected: 2, percent: 100 });
    expect(job.report_url).toMatch(/\/api\/v1\/recordsets\/import\/error-report\/.+\?exp=\d+&sig=/);

    const recordset = await t.services.recordsets.find(ref(), recordsetId);
    expect(recordset!.fields.map((f) => [f.key, f.type])).toEqual([["name", "text"], ["price", "number"], ["listed", "date"], ["location", "lat_lng"]]);
    expect(recordset!.recordCount).toBe(20);
    const list = await t.request(`/api/v1/records?recordset_id=${recordsetId}&page_size=100`, { headers: t.as(ws.owner, ws) });
    const records = ((await list.json()) as { items: { title: string | null; field_values: Record<string, unknown> }[] }).items;
    expect(records).toHaveLength(20);
    expect(records.find((r) => r.title === "Place 3")!.field_values).toEqual({ name: "Place 3", price: 103, listed: "2024-01-04", location: { lat: 40.3, lng: -73.3 } });

    const report = await t.request(new URL(job.report_url!).pathname + new URL(job.report_url!).search);
    expect(report.status).toBe(200);
    const text = await report.text();
    expect(text.split("\n")[0]).toBe("row_number,column,reason");
    expect(text).toContain('22,Price,"""abc"" is not a number"');
    expect(text).toMatch(/23,"lat, lng",latitude 95 is out of range/);
  });

  it("uses the given fields and mappings", async () => {
    const file = await upload(t, ws, "people.csv", "Full name,Mail\nAda,ada@example.com\nBob,not-an-email\n");
    const started = await createFromImport(t, ws, {
      file_uri: file.file_uri,
      fields: [{ key: "person", name: "Person", type: "text", required: true }, { key: "email", name: "Email", type: "email" }],
      field_mappings: { "Full name": "person", Mail: "email" },
    });
    await runImportJob(t, started.job_id);
    const job = await getJob(t, ws, started.job_id);
    expect(job.progress).toMatchObject({ imported: 1, rejected: 1 });
    expect(started.recordset_slug).toMatch(/^import-/);
  });
});

describe("createRecordsetFromImport: error", () => {
  it("answers 422 for a malformed file_uri, a bad mapping or a bad schema, and creates nothing", async () => {
    const file = await upload(t, ws, "x.csv", "a,b\n1,2\n");
    const before = (await t.services.recordsets.list(ref(), { page: 1, pageSize: 100, visible: "all" })).total;
    await expectProblem(await t.request("/api/v1/recordsets/import", { method: "POST", headers: t.as(ws.owner, ws), json: { name: "X", file_uri: "s3://bucket/x.csv" } }), 422);
    await expectProblem(await t.request("/api/v1/recordsets/import", { method: "POST", headers: t.as(ws.owner, ws), json: { name: "X", file_uri: file.file_uri, fields: [{ key: "a", name: "A", type: "text" }], field_mappings: { nope: "a" } } }), 422);
    await expectProblem(await t.request("/api/v1/recordsets/import", { method: "POST", headers: t.as(ws.owner, ws), json: { name: "X", file_uri: file.file_uri, fields: [{ name: "S", type: "select" }] } }), 422);
    await expectProblem(await t.request("/api/v1/recordsets/import", { method: "POST", headers: t.as(ws.owner, ws), json: { file_uri: file.file_uri } }), 422);
    expect((await t.services.recordsets.list(ref(), { page: 1, pageSize: 100, visible: "all" })).total).toBe(before);
  });
});

describe("createRecordsetFromImport: security", () => {
  it("needs credentials (401)", async () => {
    await expectProblem(await t.request("/api/v1/recordsets/import", { method: "POST", json: { name: "X", file_uri: "upload:x" } }), 401);
  });

  it("answers 404 for another workspace's file", async () => {
    const other = await t.createWorkspace();
    const theirs = await upload(t, other, "secret.csv", "a\n1\n");
    await expectProblem(await t.request("/api/v1/recordsets/import", { method: "POST", headers: t.as(ws.owner, ws), json: { name: "X", file_uri: theirs.file_uri } }), 404);
  });

  it("refuses viewers (403)", async () => {
    const file = await upload(t, ws, "v.csv", "a\n1\n");
    const viewer = await t.addMember(ws, "viewer");
    await expectProblem(await t.request("/api/v1/recordsets/import", { method: "POST", headers: t.as(viewer, ws), json: { name: "X", file_uri: file.file_uri } }), 403);
  });
});
