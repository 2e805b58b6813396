import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecords } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, trashRecordset } from "./recordset-test-helpers.ts";

// GET /api/v1/recordsets/{recordset_slug} (getRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const get = (slug: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/${slug}`, { headers });

describe("getRecordset: happy", () => {
  it("returns the recordset with its schema and an accurate record count", async () => {
    const rs = await makeRecordset(t, ws);
    await addRecords(t, ws, rs.id, [{ name: "A" }, { name: "B", price: 3 }]);
    const res = await get(rs.slug, t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: rs.id, slug: rs.slug, record_count: 2, gis_source: { kind: "lat_lng", field: "location" } });
    expect(body.fields.map((f: { key: string }) => f.key)).toEqual(["name", "price", "stage", "location"]);
  });
});

describe("getRecordset: error", () => {
  it("answers 404 problem+json for an unknown or trashed slug", async () => {
    const rs = await makeRecordset(t, ws);
    await trashRecordset(t, ws, rs.slug);
    for (const slug of ["no-such-recordset", rs.slug]) {
      const res = await get(slug, t.as(ws.owner, ws));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });

  it("answers 422 for a slug longer than any slug can be", async () => {
    expect((await get("x".repeat(121), t.as(ws.owner, ws))).status).toBe(422);
  });
});

describe("getRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await get(rs.slug, { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other, [], { name: `Foreign ${crypto.randomUUID().slice(0, 6)}` });
    expect((await get(foreign.slug, t.as(ws.owner, ws))).status).toBe(404);
  });

  it("answers 403 to a member or viewer without can_view, 200 with it", async () => {
    const rs = await makeRecordset(t, ws);
    for (const role of ["member", "viewer"] as const) {
      const user = await t.addMember(ws, role);
      expect((await get(rs.slug, t.as(user, ws))).status).toBe(403);
      await grant(t, ws, rs.slug, { member_id: user.id, flags: ["can_view"] });
      expect((await get(rs.slug, t.as(user, ws))).status).toBe(200);
    }
  });
});
