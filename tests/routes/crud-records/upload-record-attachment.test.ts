import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "../records/record-test-helpers.ts";
import { download, uploadFile } from "./attachment-test-helpers.ts";

// POST /api/v1/crud/records/{record_id}/attachments (crudUploadRecordAttachment)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

describe("crudUploadRecordAttachment: happy", () => {
  it("stores the file under the record's key, returns metadata and a working signed URL", async () => {
    const res = await uploadFile(t, f.ws, f.record.id, new File(["a,b\n1,2\n"], "../My Data (1).csv", { type: "text/csv" }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ record_id: f.record.id, file_name: "My_Data_1.csv", content_type: "text/csv", size_bytes: 8, uploaded_by: f.ws.owner.id, expires_in: 3600 });
    const row = await t.services.recordAttachments.find({ id: f.ws.id, schemaName: f.ws.schemaName }, f.record.id, body.id);
    expect(row?.storageKey).toBe(`workspaces/${f.ws.id}/records/${f.record.id}/attachments/${body.id}/My_Data_1.csv`);
    const file = await download(t, body.download_url);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe("a,b\n1,2\n");
  });

  it("types a generic octet-stream upload by its extension", async () => {
    const res = await uploadFile(t, f.ws, f.record.id, new File(["PK"], "bundle.zip", { type: "application/octet-stream" }));
    expect(res.status).toBe(201);
    expect((await res.json()).content_type).toBe("application/zip");
  });
});

describe("crudUploadRecordAttachment: error", () => {
  it("answers 415 for a type off the allow-list and 422 without a file", async () => {
    const exe = await expectProblem(await uploadFile(t, f.ws, f.record.id, new File(["MZ"], "run.exe", { type: "application/x-msdownload" })), 415);
    expect(exe.code).toBe("unsupported_media_type");
    await expectProblem(await uploadFile(t, f.ws, f.record.id, new File(["<svg/>"], "x.svg", { type: "image/svg+xml" })), 415);
    await expectProblem(await uploadFile(t, f.ws, f.record.id, null), 422);
    await expectProblem(await uploadFile(t, f.ws, unknownId, new File(["x"], "a.txt", { type: "text/plain" })), 404);
  });

  describe("with RECORD_ATTACHMENT_MAX_BYTES=1000", () => {
    let small: TestApp;
    beforeAll(async () => {
      // The general body limit is smaller still: the attachment route has its own.
      small = await createTestApp({ env: { RECORD_ATTACHMENT_MAX_BYTES: "1000", BODY_LIMIT_BYTES: "1024" } });
    });
    afterAll(async () => small.close());

    it("answers 413 above the limit and stores nothing", async () => {
      const g = await recordFixture(small);
      const res = await uploadFile(small, g.ws, g.record.id, new File(["x".repeat(1001)], "big.txt", { type: "text/plain" }));
      const body = await expectProblem(res, 413);
      expect(body.code).toBe("payload_too_large");
      expect(await small.services.recordAttachments.list({ id: g.ws.id, schemaName: g.ws.schemaName }, g.record.id)).toEqual([]);
      expect((await uploadFile(small, g.ws, g.record.id, new File(["x".repeat(1000)], "ok.txt", { type: "text/plain" }))).status).toBe(201);
    });

    it("is not capped by BODY_LIMIT_BYTES, which still caps other routes", async () => {
      const g = await recordFixture(small);
      // 1000 bytes of file plus the multipart envelope is over the 1024-byte general limit.
      expect((await uploadFile(small, g.ws, g.record.id, new File(["y".repeat(1000)], "edge.txt", { type: "text/plain" }))).status).toBe(201);
      const res = await small.request("/api/v1/records", { method: "POST", headers: small.as(g.ws.owner, g.ws), json: { recordset_id: g.record.recordset_id, field_values: { notes: "z".repeat(2000) } } });
      expect(res.status).toBe(413);
    });
  });
});

describe("crudUploadRecordAttachment: security", () => {
  const txt = () => new File(["hello"], "a.txt", { type: "text/plain" });

  it("answers 401 without credentials", async () => {
    const form = new FormData();
    form.set("file", txt());
    expect((await t.request(`/api/v1/crud/records/${f.record.id}/attachments`, { method: "POST", headers: { "x-workspace-id": f.ws.id }, body: form })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await uploadFile(t, f.ws, other.record.id, txt()), 404);
  });

  it("needs can_edit, or can_edit_own on one's own record", async () => {
    const viewOnly = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    await expectProblem(await uploadFile(t, f.ws, f.record.id, txt(), viewOnly), 403);
    const own = await memberWith(t, f.ws, f.recordset, ["can_create", "can_edit_own"]);
    const mine = await makeRecord(t, f.ws, f.recordset.id, {}, own);
    expect((await uploadFile(t, f.ws, mine.id, txt(), own)).status).toBe(201);
    await expectProblem(await uploadFile(t, f.ws, f.record.id, txt(), own), 403);
  });
});
