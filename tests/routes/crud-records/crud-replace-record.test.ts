import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "../records/record-test-helpers.ts";

// PUT /api/v1/crud/records/{record_id} (crudReplaceRecord): full update
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const replace = (id: string, json: unknown, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/crud/records/${id}`, { method: "PUT", headers, json });

describe("crudReplaceRecord: happy", () => {
  it("replaces the value set (left-out fields are cleared) as a new version", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id, { name: "Old", price: 5, stage: "new" });
    const res = await replace(rec.id, { field_values: { name: "New" }, version: 1 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.field_values).toEqual({ name: "New" });
    expect(body.version).toBe(2);
  });
});

describe("crudReplaceRecord: error", () => {
  it("answers 422 without field_values or without a required field, 409 on a stale version, 404 unknown", async () => {
    await expectProblem(await replace(f.record.id, { status: "active" }), 422);
    await expectProblem(await replace(f.record.id, { field_values: { price: 1 } }), 422);
    const rec = await makeRecord(t, f.ws, f.recordset.id);
    await expectProblem(await replace(rec.id, { field_values: { name: "x" }, version: 7 }), 409);
    await expectProblem(await replace(unknownId, { field_values: { name: "x" } }), 404);
  });
});

describe("crudReplaceRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await replace(f.record.id, { field_values: { name: "x" } }, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await replace(other.record.id, { field_values: { name: "x" } }), 404);
  });

  it("answers 403 with can_edit_own on someone else's record", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_edit_own"]);
    await expectProblem(await replace(f.record.id, { field_values: { name: "x" } }, t.as(user, f.ws)), 403);
  });
});
