import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, upload } from "./import-test-helpers.ts";

// POST /api/v1/recordsets/import/upload/analyze (analyzeImportFile)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});
const analyze = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/recordsets/import/upload/analyze", { method: "POST", headers, json });

describe("analyzeImportFile: happy", () => {
  it("analyzes a file put through a signed URL, and one uploaded before", async () => {
    const signed = await t.request("/api/v1/recordsets/import/upload/signed-url", { method: "POST", headers: t.as(ws.owner, ws), json: { filename: "cities.geojson", content_type: "application/geo+json" } });
    const { upload_url, file_uri } = (await signed.json()) as { upload_url: string; file_uri: string };
    const geojson = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "Oslo" }, geometry: { type: "Point", coordinates: [10.75, 59.91] } }] });
    const put = await t.request(new URL(upload_url).pathname + new URL(upload_url).search, { method: "PUT", headers: { "content-type": "application/geo+json" }, body: geojson });
    expect(put.status).toBe(201);
    const res = await analyze(t.as(ws.owner, ws), { file_uri });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ file_uri, format: "geojson", headers: ["name"], total_rows: 1, geometry_types: { Point: 1 } });

    const csv = await upload(t, ws, "a.csv", "n\n1\n2\n");
    const again = await analyze(t.as(ws.owner, ws), { file_uri: csv.file_uri });
    expect(await again.json()).toMatchObject({ headers: ["n"], total_rows: 2 });
  });
});

describe("analyzeImportFile: error", () => {
  it("answers 422 for a missing or malformed file_uri", async () => {
    await expectProblem(await analyze(t.as(ws.owner, ws), {}), 422);
    await expectProblem(await analyze(t.as(ws.owner, ws), { file_uri: "https://example.com/x.csv" }), 422);
  });

  it("answers 404 for a URI that names no upload", async () => {
    await expectProblem(await analyze(t.as(ws.owner, ws), { file_uri: `upload:workspaces/${ws.id}/imports/${crypto.randomUUID()}/gone.csv` }), 404);
  });
});

describe("analyzeImportFile: security", () => {
  it("needs credentials (401)", async () => {
    await expectProblem(await analyze({}, { file_uri: "upload:x" }), 401);
  });

  it("answers 404 for another workspace's file, even with a path trick", async () => {
    const other = await t.createWorkspace();
    const theirs = await upload(t, other, "secret.csv", "a\n1\n");
    await expectProblem(await analyze(t.as(ws.owner, ws), { file_uri: theirs.file_uri }), 404);
    await expectProblem(await analyze(t.as(ws.owner, ws), { file_uri: theirs.file_uri.replace(other.id, `${ws.id}/imports/../../${other.id}`) }), 404);
  });

  it("refuses viewers (403)", async () => {
    const file = await upload(t, ws, "v.csv", "a\n1\n");
    const viewer = await t.addMember(ws, "viewer");
    await expectProblem(await analyze(t.as(viewer, ws), { file_uri: file.file_uri }), 403);
  });
});
