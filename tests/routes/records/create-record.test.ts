import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, makeRecordset, memberWith, type RecordsetJson } from "./record-test-helpers.ts";

// POST /api/v1/records (createRecord)
let t: TestApp;
let ws: TestWorkspace;
let rs: RecordsetJson;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  rs = await makeRecordset(t, ws);
});

const create = (json: unknown, headers = t.as(ws.owner, ws)) => t.request("/api/v1/records", { method: "POST", headers, json });

describe("createRecord: happy", () => {
  it("creates version 1 with normalised values, tags and geometry", async () => {
    const res = await create({ recordset_id: rs.id, field_values: { name: "Alpha", price: "12.5", location: { lat: 48.85, lng: 2.35 } }, tags: ["a", " a ", "b"] });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ recordset_id: rs.id, title: "Alpha", version: 1, status: "active", tags: ["a", "b"], created_by: ws.owner.id });
    expect(body.field_values.price).toBe(12.5);
    expect(body.geometry).toEqual({ type: "Point", coordinates: [2.35, 48.85] });
  });

  it("lets a member with can_create create", async () => {
    const user = await memberWith(t, ws, rs, ["can_create"]);
    const res = await create({ recordset_id: rs.id, field_values: { name: "Mine" } }, t.as(user, ws));
    expect(res.status).toBe(201);
    expect((await res.json()).created_by).toBe(user.id);
  });
});

describe("createRecord: error", () => {
  it("answers 422 listing each bad field", async () => {
    const body = await expectProblem(await create({ recordset_id: rs.id, field_values: { price: "lots", stage: "lost", nope: 1 } }), 422);
    const fields = body.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["field_values.price", "field_values.stage", "field_values.nope", "field_values.name"]));
  });

  it("refuses coordinates out of range and a missing recordset_id", async () => {
    await expectProblem(await create({ recordset_id: rs.id, field_values: { name: "X", location: { lat: 91, lng: 0 } } }), 422);
    await expectProblem(await create({ field_values: { name: "X" } }), 422);
  });
});

describe("createRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await create({ recordset_id: rs.id, field_values: { name: "X" } }, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    await expectProblem(await create({ recordset_id: foreign.id, field_values: { name: "X" } }), 404);
  });

  it("answers 403 without can_create, and to a viewer even with a grant", async () => {
    const viewOnly = await memberWith(t, ws, rs, ["can_view"]);
    await expectProblem(await create({ recordset_id: rs.id, field_values: { name: "X" } }, t.as(viewOnly, ws)), 403);
    const viewer = await memberWith(t, ws, rs, ["can_create"], "viewer");
    await expectProblem(await create({ recordset_id: rs.id, field_values: { name: "X" } }, t.as(viewer, ws)), 403);
  });
});
