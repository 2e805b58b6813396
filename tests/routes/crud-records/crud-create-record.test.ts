import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, makeRecordset, memberWith, type RecordsetJson } from "../records/record-test-helpers.ts";

// POST /api/v1/crud/records (crudCreateRecord)
let t: TestApp;
let ws: TestWorkspace;
let rs: RecordsetJson;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  rs = await makeRecordset(t, ws);
});

const create = (json: unknown, headers = t.as(ws.owner, ws)) => t.request("/api/v1/crud/records", { method: "POST", headers, json });

describe("crudCreateRecord: happy", () => {
  it("creates the record in the workspace, created_by = the caller's member id", async () => {
    const user = await memberWith(t, ws, rs, ["can_create"]);
    const res = await create({ recordset_id: rs.id, field_values: { name: "Alpha", price: 3 }, status: "archived", tags: ["x"] }, t.as(user, ws));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ title: "Alpha", status: "archived", tags: ["x"], created_by: user.id, updated_by: user.id, version: 1 });
    expect((await t.request(`/api/v1/crud/records/${body.id}`, { headers: t.as(ws.owner, ws) })).status).toBe(200);
  });
});

describe("crudCreateRecord: error", () => {
  it("answers 422 for invalid values, a deleted status or a missing body", async () => {
    await expectProblem(await create({ recordset_id: rs.id, field_values: { price: "x" } }), 422);
    await expectProblem(await create({ recordset_id: rs.id, field_values: { name: "A" }, status: "deleted" }), 422);
    await expectProblem(await t.request("/api/v1/crud/records", { method: "POST", headers: t.as(ws.owner, ws) }), 422);
  });
});

describe("crudCreateRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await create({ recordset_id: rs.id, field_values: { name: "A" } }, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    await expectProblem(await create({ recordset_id: foreign.id, field_values: { name: "A" } }), 404);
  });

  it("answers 403 without can_create", async () => {
    const user = await memberWith(t, ws, rs, ["can_view", "can_edit"]);
    await expectProblem(await create({ recordset_id: rs.id, field_values: { name: "A" } }, t.as(user, ws)), 403);
  });
});
