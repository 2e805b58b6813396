import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecords } from "../recordsets/recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId } from "../recordsets/recordset-test-helpers.ts";

// GET /api/v1/crud/recordsets/{recordset_id} (crudGetRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const get = (id: string, headers: Record<string, string>) => t.request(`/api/v1/crud/recordsets/${id}`, { headers });

describe("crudGetRecordset: happy", () => {
  it("returns the recordset by id with its record count", async () => {
    const rs = await makeRecordset(t, ws);
    await addRecords(t, ws, rs.id, [{ name: "A" }, { name: "B" }, { name: "C" }]);
    const res = await get(rs.id, t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: rs.id, slug: rs.slug, record_count: 3 });
  });
});

describe("crudGetRecordset: error", () => {
  it("answers 422 for an id that is not a UUID and 404 for an unknown one", async () => {
    const bad = await get("not-a-uuid", t.as(ws.owner, ws));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await get(unknownId, t.as(ws.owner, ws))).status).toBe(404);
  });
});

describe("crudGetRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await get(rs.id, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset id", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    expect((await get(foreign.id, t.as(ws.owner, ws))).status).toBe(404);
  });

  it("answers 403 without can_view, 200 with it", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    expect((await get(rs.id, t.as(member, ws))).status).toBe(403);
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view"] });
    expect((await get(rs.id, t.as(member, ws))).status).toBe(200);
  });
});
