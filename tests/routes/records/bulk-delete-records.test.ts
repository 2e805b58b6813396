import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, makeRecordset, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// POST /api/v1/records/bulk-delete (bulkDeleteRecords)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const bulk = (json: unknown, headers = t.as(f.ws.owner, f.ws)) => t.request("/api/v1/records/bulk-delete", { method: "POST", headers, json });

describe("bulkDeleteRecords: happy", () => {
  it("deletes listed records and reports unknown ids as skipped", async () => {
    const a = await makeRecord(t, f.ws, f.recordset.id);
    const b = await makeRecord(t, f.ws, f.recordset.id);
    const res = await bulk({ record_ids: [a.id, b.id, unknownId] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.deleted).toBe(2);
    expect(body.deleted_ids.sort()).toEqual([a.id, b.id].sort());
    expect(body.skipped).toEqual([{ id: unknownId, reason: "not_found" }]);
  });

  it("deletes every record of a recordset with all=true and keeps the count right", async () => {
    const rs = await makeRecordset(t, f.ws);
    for (let i = 0; i < 3; i++) await makeRecord(t, f.ws, rs.id);
    const body = await (await bulk({ all: true, recordset_id: rs.id })).json();
    expect(body.deleted).toBe(3);
    const list = await (await t.request(`/api/v1/records?recordset_id=${rs.id}`, { headers: t.as(f.ws.owner, f.ws) })).json();
    expect(list.total).toBe(0);
  });

  it("applies the per-record rule: can_delete_own deletes own records, others are skipped as forbidden", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_create", "can_delete_own"]);
    const mine = await makeRecord(t, f.ws, f.recordset.id, {}, user);
    const theirs = await makeRecord(t, f.ws, f.recordset.id);
    const body = await (await bulk({ record_ids: [mine.id, theirs.id] }, t.as(user, f.ws))).json();
    expect(body).toEqual({ deleted: 1, deleted_ids: [mine.id], skipped: [{ id: theirs.id, reason: "forbidden" }] });
  });
});

describe("bulkDeleteRecords: error", () => {
  it("answers 422 for an empty body, an empty list, too many ids or all without recordset_id", async () => {
    await expectProblem(await bulk({}), 422);
    await expectProblem(await bulk({ record_ids: [] }), 422);
    await expectProblem(await bulk({ record_ids: Array.from({ length: 1001 }, () => crypto.randomUUID()) }), 422);
    await expectProblem(await bulk({ all: true }), 422);
  });
});

describe("bulkDeleteRecords: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await bulk({ record_ids: [f.record.id] }, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("skips another workspace's record ids and 404s another workspace's recordset", async () => {
    const other = await recordFixture(t);
    const body = await (await bulk({ record_ids: [other.record.id] })).json();
    expect(body).toMatchObject({ deleted: 0, skipped: [{ id: other.record.id, reason: "not_found" }] });
    await expectProblem(await bulk({ all: true, recordset_id: other.recordset.id }), 404);
    expect((await t.request(`/api/v1/records/${other.record.id}`, { headers: t.as(other.ws.owner, other.ws) })).status).toBe(200);
  });

  it("answers 403 for all=true without can_delete", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_view", "can_delete_own"]);
    await expectProblem(await bulk({ all: true, recordset_id: f.recordset.id }, t.as(user, f.ws)), 403);
  });
});
