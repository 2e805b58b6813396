import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "../records/record-test-helpers.ts";
import { attach } from "./attachment-test-helpers.ts";

// DELETE /api/v1/crud/records/{record_id}/attachments/{attachment_id} (crudDeleteRecordAttachment)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const remove = (recordId: string, id: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/crud/records/${recordId}/attachments/${id}`, { method: "DELETE", headers });
const ref = () => ({ id: f.ws.id, schemaName: f.ws.schemaName });

describe("crudDeleteRecordAttachment: happy", () => {
  it("removes the row and the stored object", async () => {
    const a = await attach(t, f.ws, f.record.id);
    const key = (await t.services.recordAttachments.find(ref(), f.record.id, a.id))!.storageKey;
    expect(await t.services.storage.head(key)).not.toBeNull();
    const res = await remove(f.record.id, a.id);
    expect(res.status).toBe(204);
    expect(await t.services.recordAttachments.find(ref(), f.record.id, a.id)).toBeNull();
    expect(await t.services.storage.head(key)).toBeNull();
  });
});

describe("crudDeleteRecordAttachment: error", () => {
  it("answers 404 for an unknown attachment or one of another record, 422 for a malformed id", async () => {
    await expectProblem(await remove(f.record.id, unknownId), 404);
    const other = await makeRecord(t, f.ws, f.recordset.id);
    const a = await attach(t, f.ws, other.id);
    await expectProblem(await remove(f.record.id, a.id), 404);
    await expectProblem(await remove(f.record.id, "x"), 422);
  });
});

describe("crudDeleteRecordAttachment: security", () => {
  it("answers 401 without credentials", async () => {
    const a = await attach(t, f.ws, f.record.id);
    expect((await remove(f.record.id, a.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's attachment, which survives", async () => {
    const other = await recordFixture(t);
    const a = await attach(t, other.ws, other.record.id);
    await expectProblem(await remove(other.record.id, a.id), 404);
    expect(await t.services.recordAttachments.find({ id: other.ws.id, schemaName: other.ws.schemaName }, other.record.id, a.id)).not.toBeNull();
  });

  it("answers 403 without can_edit", async () => {
    const a = await attach(t, f.ws, f.record.id);
    const user = await memberWith(t, f.ws, f.recordset, ["can_view", "can_delete"]);
    await expectProblem(await remove(f.record.id, a.id, t.as(user, f.ws)), 403);
  });
});
