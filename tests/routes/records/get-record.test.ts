import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// GET /api/v1/records/{record_id} (getRecord)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const get = (id: string, headers: Record<string, string>) => t.request(`/api/v1/records/${id}`, { headers });

describe("getRecord: happy", () => {
  it("returns the record with its values and version", async () => {
    const res = await get(f.record.id, t.as(f.ws.owner, f.ws));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: f.record.id, recordset_id: f.recordset.id, version: 1, is_latest: true, status: "active" });
    expect(body.field_values.price).toBe(10);
  });

  it("lets a member with can_view read it", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    expect((await get(f.record.id, t.as(user, f.ws))).status).toBe(200);
  });
});

describe("getRecord: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown or deleted one", async () => {
    await expectProblem(await get("nope", t.as(f.ws.owner, f.ws)), 422);
    await expectProblem(await get(unknownId, t.as(f.ws.owner, f.ws)), 404);
    const gone = await makeRecord(t, f.ws, f.recordset.id);
    await t.request(`/api/v1/records/${gone.id}`, { method: "DELETE", headers: t.as(f.ws.owner, f.ws) });
    await expectProblem(await get(gone.id, t.as(f.ws.owner, f.ws)), 404);
  });
});

describe("getRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await get(f.record.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await get(other.record.id, t.as(f.ws.owner, f.ws)), 404);
  });

  it("answers 403 to a member without a grant", async () => {
    const user = await memberWith(t, f.ws, f.recordset, []);
    await expectProblem(await get(f.record.id, t.as(user, f.ws)), 403);
  });
});
