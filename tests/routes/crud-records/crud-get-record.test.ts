import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, memberWith, recordFixture, unknownId } from "../records/record-test-helpers.ts";

// GET /api/v1/crud/records/{record_id} (crudGetRecord)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const get = (id: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/crud/records/${id}`, { headers });

describe("crudGetRecord: happy", () => {
  it("returns the record", async () => {
    const res = await get(f.record.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: f.record.id, recordset_id: f.recordset.id, version: 1 });
  });
});

describe("crudGetRecord: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    await expectProblem(await get("nope"), 422);
    await expectProblem(await get(unknownId), 404);
  });
});

describe("crudGetRecord: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await get(f.record.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await get(other.record.id), 404);
  });

  it("answers 403 to a member without a grant", async () => {
    const user = await memberWith(t, f.ws, f.recordset, []);
    await expectProblem(await get(f.record.id, t.as(user, f.ws)), 403);
  });
});
