import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "../records/record-test-helpers.ts";

// PATCH /api/v1/crud/records/{record_id} (crudPatchRecord): only present keys change
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const patch = (id: string, json: unknown, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/crud/records/${id}`, { method: "PATCH", headers, json });

describe("crudPatchRecord: happy", () => {
  it("changes only the keys present", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id, { name: "Keep", price: 5 }, f.ws.owner, { tags: ["t"] });
    const body = await (await patch(rec.id, { field_values: { stage: "won" } })).json();
    expect(body).toMatchObject({ field_values: { name: "Keep", price: 5, stage: "won" }, tags: ["t"], version: 2 });
    const status = await (await patch(rec.id, { status: "archived" })).json();
    expect(status).toMatchObject({ status: "archived", field_values: { name: "Keep", price: 5, stage: "won" }, version: 3 });
  });
});

describe("crudPatchRecord: error", () => {
  it("answers 422 for a bad value or an unknown field, 404 unknown", async () => {
    await expectProblem(await patch(f.record.id, { field_values: { stage: "lost" } }), 422);
    await expectProblem(await patch(f.record.id, { field_values: { nope: 1 } }), 422);
    await expectProblem(await patch(unknownId, { status: "active" }), 404);
  });
});

describe("crudPatchRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await patch(f.record.id, {}, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await patch(other.record.id, { status: "archived" }), 404);
  });

  it("can_edit_own patches own records only", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_create", "can_edit_own"]);
    const mine = await makeRecord(t, f.ws, f.recordset.id, {}, user);
    expect((await patch(mine.id, { field_values: { price: 1 } }, t.as(user, f.ws))).status).toBe(200);
    await expectProblem(await patch(f.record.id, { field_values: { price: 1 } }, t.as(user, f.ws)), 403);
  });
});
