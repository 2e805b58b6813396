import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "../records/record-test-helpers.ts";
import { attach, download } from "./attachment-test-helpers.ts";

// GET /api/v1/crud/records/{record_id}/attachments (crudListRecordAttachments)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const list = (id: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/crud/records/${id}/attachments`, { headers });

describe("crudListRecordAttachments: happy", () => {
  it("lists the record's attachments oldest first, each with a fresh working download URL", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id);
    const a = await attach(t, f.ws, rec.id, "a.pdf", "%PDF-A");
    const b = await attach(t, f.ws, rec.id, "b.pdf", "%PDF-B");
    const user = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    const res = await list(rec.id, t.as(user, f.ws));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    expect(body.items[1]).toMatchObject({ file_name: "b.pdf", content_type: "application/pdf", size_bytes: 6 });
    expect(await (await download(t, body.items[1].download_url)).text()).toBe("%PDF-B");
  });

  it("answers an empty list for a record without attachments", async () => {
    expect(await (await list(f.record.id)).json()).toEqual({ items: [], total: 0 });
  });
});

describe("crudListRecordAttachments: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    await expectProblem(await list("x"), 422);
    await expectProblem(await list(unknownId), 404);
  });
});

describe("crudListRecordAttachments: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await list(f.record.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await list(other.record.id), 404);
  });

  it("answers 403 to a member without a grant", async () => {
    const user = await memberWith(t, f.ws, f.recordset, []);
    await expectProblem(await list(f.record.id, t.as(user, f.ws)), 403);
  });
});
