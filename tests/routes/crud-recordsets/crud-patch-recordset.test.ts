import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { grant, makeRecordset, unknownId } from "../recordsets/recordset-test-helpers.ts";

// PATCH /api/v1/crud/recordsets/{recordset_id} (crudPatchRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const patch = (id: string, headers: Record<string, string>, json: unknown) => t.request(`/api/v1/crud/recordsets/${id}`, { method: "PATCH", headers, json });

describe("crudPatchRecordset: happy", () => {
  it("changes only the properties present", async () => {
    const rs = await makeRecordset(t, ws, undefined, { description: "kept", settings: { a: 1 } });
    const res = await patch(rs.id, t.as(ws.owner, ws), { icon: "star", settings: { b: 2 } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ name: rs.name, description: "kept", icon: "star", settings: { b: 2 }, mode: rs.mode, gis_source: rs.gis_source });
    expect(body.fields).toHaveLength(rs.fields.length);
  });
});

describe("crudPatchRecordset: error", () => {
  it("answers 422 problem+json for bad values or a bad id, 404 for an unknown id", async () => {
    const rs = await makeRecordset(t, ws);
    for (const [id, json] of [[rs.id, { name: "" }], [rs.id, { mode: "globe" }], ["nope", { name: "X" }]] as const) {
      const res = await patch(id, t.as(ws.owner, ws), json);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
    expect((await patch(unknownId, t.as(ws.owner, ws), { name: "X" })).status).toBe(404);
  });
});

describe("crudPatchRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await patch(rs.id, { "x-workspace-id": ws.id }, { name: "X" })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    expect((await patch(foreign.id, t.as(ws.owner, ws), { name: "X" })).status).toBe(404);
  });

  it("answers 403 without can_admin, and to a viewer", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view"] });
    expect((await patch(rs.id, t.as(member, ws), { name: "X" })).status).toBe(403);
    const viewer = await t.addMember(ws, "viewer");
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_admin"] });
    expect((await patch(rs.id, t.as(viewer, ws), { name: "X" })).status).toBe(403);
  });
});
