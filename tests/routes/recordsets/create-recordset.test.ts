import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { makeRecordset, type RecordsetJson } from "./recordset-test-helpers.ts";

// POST /api/v1/recordsets (createRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const create = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/recordsets", { method: "POST", headers, json });

describe("createRecordset: happy", () => {
  it("creates a recordset with a typed schema, promoted columns and a GIS source", async () => {
    const res = await create(t.as(ws.owner, ws), {
      name: "Properties",
      fields: [
        { name: "Address", type: "text", required: true },
        { name: "Asking price", type: "currency", currency: "USD" },
        { name: "Listed on", type: "date" },
        { name: "Location", type: "lat_lng" },
      ],
      settings: { color_by: "asking_price" },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as RecordsetJson;
    expect(body).toMatchObject({
      slug: "properties",
      name: "Properties",
      type: "custom",
      mode: "map",
      record_count: 0,
      is_active: true,
      created_by: ws.owner.id,
      settings: { color_by: "asking_price" },
      promoted_fields: { text: ["address"], number: ["asking_price"], date: ["listed_on"] },
      gis_source: { kind: "lat_lng", field: "location" },
    });
    expect(body.fields.map((f) => f.key)).toEqual(["address", "asking_price", "listed_on", "location"]);
  });

  it("makes duplicate slugs unique and never uses a reserved word", async () => {
    const first = await makeRecordset(t, ws, [], { name: "Deals" });
    const second = await makeRecordset(t, ws, [], { name: "Deals" });
    expect(first.slug).toBe("deals");
    expect(second.slug).toBe("deals-2");
    const trash = await makeRecordset(t, ws, [], { name: "Trash" });
    expect(trash.slug).toBe("trash-2");
    const explicit = await makeRecordset(t, ws, [], { name: "Anything", slug: "my-list" });
    expect(explicit.slug).toBe("my-list");
  });

  it("lets a member create one (can_create_recordset)", async () => {
    const member = await t.addMember(ws, "member");
    const res = await create(t.as(member, ws), { name: "Mine" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ created_by: member.id, mode: "table", gis_source: null });
  });
});

describe("createRecordset: error", () => {
  it.each([
    [{}, "name"],
    [{ name: "  " }, "name"],
    [{ name: "X", slug: "Not A Slug" }, "slug"],
    [{ name: "X", fields: [{ name: "A", type: "colour" }] }, "fields"],
    [{ name: "X", fields: [{ name: "S", type: "select" }] }, "fields[0].options"],
    [{ name: "X", fields: [{ key: "a", name: "A", type: "text" }, { key: "a", name: "B", type: "text" }] }, "fields[1].key"],
    [{ name: "X", fields: [{ name: "A", type: "text" }], gis_source: { kind: "lat_lng", field: "a" } }, "gis"],
  ])("answers 422 problem+json for %j", async (json, field) => {
    const res = await create(t.as(ws.owner, ws), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const problem = (await res.json()) as { errors?: { field: string }[] };
    expect(JSON.stringify(problem.errors ?? [])).toContain(field);
  });
});

describe("createRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await create({ "x-workspace-id": ws.id }, { name: "X" })).status).toBe(401);
  });

  it("answers 403 for a viewer (no can_create_recordset)", async () => {
    const viewer = await t.addMember(ws, "viewer");
    expect((await create(t.as(viewer, ws), { name: "X" })).status).toBe(403);
  });

  it("creates in the caller's workspace only: another workspace does not see it", async () => {
    const other = await t.createWorkspace();
    const created = await makeRecordset(t, ws, [], { name: "Private" });
    const res = await t.request(`/api/v1/recordsets/${created.slug}`, { headers: t.as(other.owner, other) });
    expect(res.status).toBe(404);
  });
});
