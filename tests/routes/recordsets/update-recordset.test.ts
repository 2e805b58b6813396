import { beforeAll, describe, expect, it } from "vitest";
import { updateRecord } from "../../../core/records/update-record.ts";
import { actorOf, sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecords } from "./recordset-admin-test-helpers.ts";
import { eventTypesFor, grant, makeRecordset, type RecordsetJson } from "./recordset-test-helpers.ts";

// PUT /api/v1/recordsets/{recordset_slug} (updateRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const update = (slug: string, headers: Record<string, string>, json: unknown) => t.request(`/api/v1/recordsets/${slug}`, { method: "PUT", headers, json });
const owner = () => t.as(ws.owner, ws);

describe("updateRecordset: happy", () => {
  it("changes the given properties and never the slug", async () => {
    const rs = await makeRecordset(t, ws, [], { name: "Before", settings: { a: 1 } });
    const res = await update(rs.slug, owner(), { name: "After", description: "Now described", color: "#fff", slug: "ignored" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: rs.slug, name: "After", description: "Now described", color: "#fff", settings: { a: 1 } });
    expect(await eventTypesFor(t, ws, rs.id)).toEqual(["recordset.created", "recordset.updated"]);
  });

  it("recomputes titles, promoted columns and geometry when the schema change moves them", async () => {
    const rs = await makeRecordset(t, ws, [
      { name: "Name", type: "text" },
      { name: "Code", type: "text" },
      { name: "Lat", type: "number" },
      { name: "Lng", type: "number" },
    ]);
    const [id] = await addRecords(t, ws, rs.id, [{ name: "Alpha", code: "A-1", lat: 48.85, lng: 2.35 }]);
    expect(rs.gis_source).toBeNull();
    const res = await update(rs.slug, owner(), {
      fields: [
        { key: "name", name: "Name", type: "text" },
        { key: "code", name: "Code", type: "text", is_primary: true },
        { key: "lat", name: "Lat", type: "number" },
        { key: "lng", name: "Lng", type: "number" },
      ],
      gis_source: { kind: "lat_lng_fields", lat_field: "lat", lng_field: "lng" },
      mode: "map",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mode: "map", gis_source: { kind: "lat_lng_fields", lat_field: "lat", lng_field: "lng" } });
    const record = await t.services.records.find({ id: ws.id, schemaName: ws.schemaName }, id!);
    expect(record?.title).toBe("A-1");
    expect(record?.geometry).toMatchObject({ type: "Point", coordinates: [2.35, 48.85] });
  });

  it("keeps promoted slots of surviving fields and lets records keep values of a removed field", async () => {
    const rs = await makeRecordset(t, ws); // name, price, stage, location
    expect(rs.promoted_fields).toEqual({ text: ["name", "stage"], number: ["price"], date: [] });
    const [id] = await addRecords(t, ws, rs.id, [{ name: "Alpha", price: 5, stage: "won" }]);
    const res = await update(rs.slug, owner(), {
      fields: [
        { key: "notes", name: "Notes", type: "text" },
        { key: "stage", name: "Stage", type: "select", options: [{ value: "new" }, { value: "won" }] },
        { key: "price", name: "Price", type: "number" },
        { key: "location", name: "Location", type: "lat_lng" },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RecordsetJson;
    // "stage" keeps its slot, "name" frees one that "notes" takes; the GIS source still fits.
    expect(body.promoted_fields).toEqual({ text: ["stage", "notes"], number: ["price"], date: [] });
    expect(body.gis_source).toEqual({ kind: "lat_lng", field: "location" });
    // The removed "name" value stays on the record and does not block a later update.
    const updated = await updateRecord(t.services, actorOf(ws), { recordId: id!, fieldValues: { price: 6 }, mode: "merge" });
    expect(updated.fieldValues).toMatchObject({ name: "Alpha", price: 6, stage: "won" });
  });

  it("sets the promoted columns a client chooses", async () => {
    const rs = await makeRecordset(t, ws);
    const res = await update(rs.slug, owner(), { promoted_fields: { text: ["stage"], number: ["price"], date: [] } });
    expect(await res.json()).toMatchObject({ promoted_fields: { text: ["stage"], number: ["price"], date: [] } });
  });
});

describe("updateRecordset: error", () => {
  it.each([
    [{ name: "" }, "name"],
    [{ fields: [{ name: "A", type: "colour" }] }, "fields"],
    [{ fields: [{ key: "Bad Key", name: "A", type: "text" }] }, "fields[0].key"],
    [{ promoted_fields: { text: ["nope"], number: [], date: [] } }, "promoted_fields.text"],
    [{ promoted_fields: { text: [], number: ["name"], date: [] } }, "promoted_fields.number"],
    [{ gis_source: { kind: "geometry", field: "name" } }, "gis_source"],
    [{ gis_source: null, mode: "map" }, "mode"],
  ])("answers 422 problem+json for %j", async (json, field) => {
    const rs = await makeRecordset(t, ws);
    const res = await update(rs.slug, owner(), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(JSON.stringify((await res.json()).errors ?? [])).toContain(field);
  });

  it("answers 404 for an unknown slug", async () => {
    expect((await update("no-such-recordset", owner(), { name: "X" })).status).toBe(404);
  });
});

describe("updateRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await update(rs.slug, { "x-workspace-id": ws.id }, { name: "X" })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other, [], { name: `Foreign ${crypto.randomUUID().slice(0, 6)}` });
    expect((await update(foreign.slug, owner(), { name: "X" })).status).toBe(404);
  });

  it("answers 403 without can_admin (even with can_edit), and to a viewer whatever the grant; 200 with can_admin", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view", "can_edit"] });
    expect((await update(rs.slug, t.as(member, ws), { name: "X" })).status).toBe(403);
    const viewer = await t.addMember(ws, "viewer");
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_admin"] });
    expect((await update(rs.slug, t.as(viewer, ws), { name: "X" })).status).toBe(403);
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_admin"] });
    expect((await update(rs.slug, t.as(member, ws), { name: "X" })).status).toBe(200);
  });
});
