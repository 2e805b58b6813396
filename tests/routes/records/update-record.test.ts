import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// PUT /api/v1/records/{record_id} (updateRecord): a merge of field_values
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const put = (id: string, json: unknown, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/records/${id}`, { method: "PUT", headers, json });

describe("updateRecord: happy", () => {
  it("merges values as a new version; null clears a field", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id, { name: "Merge", price: 1, stage: "new" });
    const res = await put(rec.id, { field_values: { price: 2, stage: null }, tags: ["x"], version: 1 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ version: 2, tags: ["x"], field_values: { name: "Merge", price: 2 } });
    expect(body.field_values).not.toHaveProperty("stage");
  });
});

describe("updateRecord: error", () => {
  it("answers 409 on a stale version", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id);
    expect((await put(rec.id, { field_values: { price: 3 } })).status).toBe(200);
    const body = await expectProblem(await put(rec.id, { field_values: { price: 4 }, version: 1 }), 409);
    expect(body.code).toBe("conflict");
  });

  it("answers 422 for bad values or clearing a required field, 404 for an unknown record", async () => {
    await expectProblem(await put(f.record.id, { field_values: { price: "much" } }), 422);
    await expectProblem(await put(f.record.id, { field_values: { name: null } }), 422);
    await expectProblem(await put(unknownId, { field_values: { price: 1 } }), 404);
  });
});

describe("updateRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await put(f.record.id, { field_values: {} }, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await put(other.record.id, { field_values: { price: 1 } }), 404);
  });

  it("can_edit_own allows one's own records only; can_edit allows any", async () => {
    const own = await memberWith(t, f.ws, f.recordset, ["can_create", "can_edit_own"]);
    const mine = await makeRecord(t, f.ws, f.recordset.id, {}, own);
    expect((await put(mine.id, { field_values: { price: 5 } }, t.as(own, f.ws))).status).toBe(200);
    await expectProblem(await put(f.record.id, { field_values: { price: 5 } }, t.as(own, f.ws)), 403);
    const editor = await memberWith(t, f.ws, f.recordset, ["can_edit"]);
    expect((await put(f.record.id, { field_values: { price: 6 } }, t.as(editor, f.ws))).status).toBe(200);
    const viewOnly = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    await expectProblem(await put(f.record.id, { field_values: { price: 7 } }, t.as(viewOnly, f.ws)), 403);
  });
});
