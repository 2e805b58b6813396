import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, postFile, upload } from "./import-test-helpers.ts";

// POST /api/v1/recordsets/import/upload (uploadImportFile)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

describe("uploadImportFile: happy", () => {
  it("stores a CSV and returns headers, inferred types, row counts and a file URI", async () => {
    const csv = "Name,Price,Listed,lat,lng,Email\nA,\"$1,200.00\",2024-01-05,40.7,-73.9,a@example.com\nB,$950.50,2024-02-10,41.1,-74.2,b@example.com\n";
    const body = await upload(t, ws, "homes.csv", csv);
    expect(body.file_uri).toMatch(new RegExp(`^upload:workspaces/${ws.id}/imports/[0-9a-f-]{36}/homes\\.csv$`));
    expect(body.format).toBe("csv");
    expect(body.headers).toEqual(["Name", "Price", "Listed", "lat", "lng", "Email"]);
    expect(body.total_rows).toBe(2);
    const types = Object.fromEntries(body.fields.map((f) => [f.column, f.type]));
    expect(types).toMatchObject({ Name: "text", Price: "currency", Listed: "date", lat: "latitude", lng: "longitude", Email: "email" });
  });

  it("reads UTF-8 with a BOM, renames blank and duplicate headers, and counts ragged rows as rejected", async () => {
    const csv = "\uFEFFname,,name\nx,1,2\ny,2\nz,3,4,5,6\n";
    const res = await postFile(t, t.as(ws.owner, ws), "bom.csv", csv);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { headers: string[]; renamed_headers: unknown[]; total_rows: number; rejected_rows: number };
    expect(body.headers[0]).toBe("name");
    expect(new Set(body.headers).size).toBe(3);
    expect(body.renamed_headers.length).toBe(2);
    expect(body.rejected_rows).toBeGreaterThanOrEqual(1);
  });

  it("reads a Latin-1 (Windows-1252) file", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("city\n"), 0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e, 0x0a]); // "München"
    const res = await postFile(t, t.as(ws.owner, ws), "latin1.csv", bytes);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { encoding: string; sample_rows: { values: Record<string, string> }[] };
    expect(body.encoding).toBe("windows-1252");
    expect(body.sample_rows[0]!.values.city).toBe("München");
  });
});

describe("uploadImportFile: error", () => {
  it("refuses an empty file (422)", async () => {
    await expectProblem(await postFile(t, t.as(ws.owner, ws), "empty.csv", ""), 422);
  });

  it("refuses an unsupported extension (422) and a non-multipart body (415)", async () => {
    await expectProblem(await postFile(t, t.as(ws.owner, ws), "notes.exe", "MZ"), 422);
    const res = await t.request("/api/v1/recordsets/import/upload", { method: "POST", headers: t.as(ws.owner, ws), json: { file: "x" } });
    await expectProblem(res, 415);
  });

  it("refuses a form without a file part (422)", async () => {
    const form = new FormData();
    form.append("other", "value");
    await expectProblem(await t.request("/api/v1/recordsets/import/upload", { method: "POST", headers: t.as(ws.owner, ws), body: form }), 422);
  });

  it("refuses an xlsx that is not a workbook (422)", async () => {
    await expectProblem(await postFile(t, t.as(ws.owner, ws), "fake.xlsx", "not a zip", "application/octet-stream"), 422);
  });
});

describe("uploadImportFile: security", () => {
  it("needs credentials (401)", async () => {
    await expectProblem(await postFile(t, {}, "a.csv", "a\n1\n"), 401);
  });

  it("refuses a workspace the user is not a member of (403/404)", async () => {
    const other = await t.createWorkspace();
    const res = await postFile(t, t.as(ws.owner, other), "a.csv", "a\n1\n");
    expect([403, 404]).toContain(res.status);
  });

  it("refuses viewers (403)", async () => {
    const viewer = await t.addMember(ws, "viewer");
    await expectProblem(await postFile(t, t.as(viewer, ws), "a.csv", "a\n1\n"), 403);
  });
});
