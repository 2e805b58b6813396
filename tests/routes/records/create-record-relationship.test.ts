import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, makeRecordset, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// POST /api/v1/records/{record_id}/relationships (createRecordRelationship)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const link = (id: string, json: unknown, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/records/${id}/relationships`, { method: "POST", headers, json });

describe("createRecordRelationship: happy", () => {
  it("links two records and shows the link from both ends", async () => {
    const other = await makeRecord(t, f.ws, f.recordset.id, { name: "Parent" });
    const res = await link(f.record.id, { related_record_id: other.id, relationship_type: "child_of" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ record_id: f.record.id, related_record_id: other.id, relationship_type: "child_of", direction: "outgoing", related_title: "Parent" });
    const back = await (await t.request(`/api/v1/records/${other.id}/relationships`, { headers: t.as(f.ws.owner, f.ws) })).json();
    expect(back.items).toMatchObject([{ direction: "incoming", record_id: f.record.id }]);
  });
});

describe("createRecordRelationship: error", () => {
  it("answers 409 on a duplicate link", async () => {
    const other = await makeRecord(t, f.ws, f.recordset.id);
    expect((await link(f.record.id, { related_record_id: other.id, relationship_type: "dup" })).status).toBe(201);
    await expectProblem(await link(f.record.id, { related_record_id: other.id, relationship_type: "dup" }), 409);
  });

  it("answers 422 for an unknown related record, a self link or a bad type; 404 for an unknown record", async () => {
    const other = await makeRecord(t, f.ws, f.recordset.id);
    const missing = await expectProblem(await link(f.record.id, { related_record_id: unknownId, relationship_type: "x" }), 422);
    expect(missing.errors![0]!.field).toBe("related_record_id");
    await expectProblem(await link(f.record.id, { related_record_id: f.record.id }), 422);
    await expectProblem(await link(f.record.id, { related_record_id: other.id, relationship_type: "Not A Slug" }), 422);
    await expectProblem(await link(unknownId, { related_record_id: other.id }), 404);
  });
});

describe("createRecordRelationship: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await link(f.record.id, { related_record_id: unknownId }, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record and 422 for another workspace's related record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await link(other.record.id, { related_record_id: f.record.id }), 404);
    await expectProblem(await link(f.record.id, { related_record_id: other.record.id }), 422);
  });

  it("needs can_edit on the record and can_view on the related one", async () => {
    const hidden = await makeRecordset(t, f.ws);
    const secret = await makeRecord(t, f.ws, hidden.id);
    const target = await makeRecord(t, f.ws, f.recordset.id);
    const viewOnly = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    await expectProblem(await link(f.record.id, { related_record_id: target.id }, t.as(viewOnly, f.ws)), 403);
    const editor = await memberWith(t, f.ws, f.recordset, ["can_edit"]);
    await expectProblem(await link(f.record.id, { related_record_id: secret.id }, t.as(editor, f.ws)), 422);
    expect((await link(f.record.id, { related_record_id: target.id, relationship_type: "peer" }, t.as(editor, f.ws))).status).toBe(201);
  });
});
