import { beforeAll, describe, expect, it } from "vitest";
import type { RecordBulkWriter } from "../../../core/imports/record-bulk-writer.ts";
import { runImport } from "../../../core/imports/run-import.ts";
import { createRecordset } from "../../../core/recordsets/create-recordset.ts";
import type { Actor } from "../../../core/auth/actor.ts";
import { newId } from "../../../core/ids.ts";
import { actorOf, sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// runImport against the real bulk writer (PGlite, or Postgres with DATABASE_URL): retries, bad geometries.
let t: TestApp;
let ws: TestWorkspace;
let actor: Actor;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  actor = actorOf(ws);
});

const ref = () => ({ id: ws.id, schemaName: ws.schemaName });

async function stored(name: string, text: string): Promise<string> {
  const key = `workspaces/${ws.id}/imports/${newId()}/${name}`;
  await t.services.storage.put(key, new TextEncoder().encode(text));
  return key;
}

/** The real writer, crashing (as a killed worker would) after `batches` committed batches. */
function crashingWriter(batches: number): RecordBulkWriter {
  let done = 0;
  return {
    checkpoint: (w, id) => t.services.importWriter.checkpoint(w, id),
    async writeBatch(target, rows, position) {
      if (done >= batches) throw new Error("worker killed");
      done++;
      return t.services.importWriter.writeBatch(target, rows, position);
    },
  };
}

describe("runImport", () => {
  it("resumes after a crash without importing a row twice or losing one", async () => {
    const recordset = await createRecordset(t.services, actor, { name: `Retry ${newId().slice(-6)}`, fields: [{ key: "n", name: "N", type: "number", required: true }] });
    const lines = ["n", ...Array.from({ length: 1000 }, (_, i) => (i % 100 === 99 ? "bad" : String(i)))];
    const fileKey = await stored("numbers.csv", lines.join("\n"));
    const jobId = newId();
    const input = { jobId, ws: ref(), recordset, userId: ws.owner.id, fileKey, format: "csv" as const, mappings: undefined, reportKey: `workspaces/${ws.id}/imports/${jobId}/errors.csv`, batchSize: 150 };
    await expect(runImport({ ...t.services, importWriter: crashingWriter(3) }, input)).rejects.toThrow("worker killed");
    const partial = await t.services.importWriter.checkpoint(ref(), jobId);
    expect(partial!.imported).toBe(450);

    const summary = await runImport(t.services, input);
    expect(summary).toMatchObject({ totalRows: 1000, imported: 990, rejected: 10 });
    const count = await t.services.recordsets.find(ref(), recordset.id);
    expect(count!.recordCount).toBe(990);
    const page = await t.request(`/api/v1/records?recordset_id=${recordset.id}&page_size=1`, { headers: t.as(ws.owner, ws) });
    expect(((await page.json()) as { total: number }).total).toBe(990);
    // The report is regenerated from the file: all ten bad rows, once each.
    const report = await new Response((await t.services.storage.get(summary.reportKey!))!.body).text();
    expect(report.trim().split("\n")).toHaveLength(11);
  });

  it("rejects a geometry PostGIS finds invalid without failing its batch", async () => {
    const recordset = await createRecordset(t.services, actor, { name: `Geo ${newId().slice(-6)}`, fields: [{ key: "name", name: "Name", type: "text" }, { key: "shape", name: "Shape", type: "geometry" }] });
    const bowtie = { type: "Polygon", coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    const square = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const features = [
      { type: "Feature", properties: { name: "ok" }, geometry: square },
      { type: "Feature", properties: { name: "bowtie" }, geometry: bowtie },
      { type: "Feature", properties: { name: "point" }, geometry: { type: "Point", coordinates: [10, 59] } },
    ];
    const fileKey = await stored("shapes.geojson", JSON.stringify({ type: "FeatureCollection", features }));
    const jobId = newId();
    const summary = await runImport(t.services, {
      jobId, ws: ref(), recordset, userId: ws.owner.id, fileKey, format: "geojson", mappings: { name: "name", geometry: "shape" }, reportKey: `workspaces/${ws.id}/imports/${jobId}/errors.csv`,
    });
    expect(summary).toMatchObject({ totalRows: 3, imported: 2, rejected: 1 });
    expect(summary.preview[0]).toMatchObject({ rowNumber: 2, reason: expect.stringContaining("geometry is not valid") });
  });

  it("stops at the next batch when cancelled, keeping what was committed", async () => {
    const recordset = await createRecordset(t.services, actor, { name: `Cancel ${newId().slice(-6)}`, fields: [{ key: "n", name: "N", type: "number" }] });
    const fileKey = await stored("n.csv", ["n", ...Array.from({ length: 500 }, (_, i) => String(i))].join("\n"));
    const controller = new AbortController();
    const jobId = newId();
    const run = runImport(t.services, {
      jobId, ws: ref(), recordset, userId: ws.owner.id, fileKey, format: "csv", mappings: undefined, reportKey: `x/${jobId}`, batchSize: 100, signal: controller.signal,
      onProgress: (p) => {
        if (p.imported >= 200) controller.abort(new Error("cancelled"));
      },
    });
    await expect(run).rejects.toThrow("cancelled");
    expect((await t.services.recordsets.find(ref(), recordset.id))!.recordCount).toBe(200);
  });
});
