import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { grant, makeRecordset, unknownId } from "../recordsets/recordset-test-helpers.ts";

// PUT /api/v1/crud/recordsets/{recordset_id} (crudReplaceRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const replace = (id: string, headers: Record<string, string>, json: unknown) => t.request(`/api/v1/crud/recordsets/${id}`, { method: "PUT", headers, json });

describe("crudReplaceRecordset: happy", () => {
  it("takes the body as the whole representation: what is left out goes back to its default", async () => {
    const rs = await makeRecordset(t, ws, undefined, { description: "old", icon: "pin", color: "#000", type: "sites", settings: { a: 1 } });
    const res = await replace(rs.id, t.as(ws.owner, ws), { name: "Replaced", fields: [{ name: "Title", type: "text" }, { name: "Value", type: "number" }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: rs.id,
      slug: rs.slug,
      name: "Replaced",
      description: null,
      icon: null,
      color: null,
      type: "custom",
      settings: {},
      mode: "table",
      gis_source: null,
      is_active: true,
      promoted_fields: { text: ["title"], number: ["value"], date: [] },
      fields: [expect.objectContaining({ key: "title" }), expect.objectContaining({ key: "value" })],
    });
  });
});

describe("crudReplaceRecordset: error", () => {
  it("answers 422 problem+json without a name or with a bad schema, 404 for an unknown id", async () => {
    const rs = await makeRecordset(t, ws);
    for (const json of [{ description: "no name" }, { name: "X", fields: [{ name: "S", type: "select" }] }]) {
      const res = await replace(rs.id, t.as(ws.owner, ws), json);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
    expect((await replace(unknownId, t.as(ws.owner, ws), { name: "X" })).status).toBe(404);
  });
});

describe("crudReplaceRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await replace(rs.id, { "x-workspace-id": ws.id }, { name: "X" })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    expect((await replace(foreign.id, t.as(ws.owner, ws), { name: "X" })).status).toBe(404);
  });

  it("answers 403 without can_admin, 200 with it", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view", "can_edit"] });
    expect((await replace(rs.id, t.as(member, ws), { name: "X" })).status).toBe(403);
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_admin"] });
    expect((await replace(rs.id, t.as(member, ws), { name: "X" })).status).toBe(200);
  });
});
