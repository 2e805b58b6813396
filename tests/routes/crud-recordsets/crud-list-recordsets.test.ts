import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addRecords } from "../recordsets/recordset-admin-test-helpers.ts";
import { grant, makeRecordset, type RecordsetJson } from "../recordsets/recordset-test-helpers.ts";

// GET /api/v1/crud/recordsets (crudListRecordsets)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const list = (headers: Record<string, string>, query = "") => t.request(`/api/v1/crud/recordsets${query}`, { headers });
type Page = { items: RecordsetJson[]; total: number; page: number; page_size: number };

describe("crudListRecordsets: happy", () => {
  it("lists with record counts, paging and filters", async () => {
    const ws = await t.createWorkspace();
    const a = await makeRecordset(t, ws, undefined, { name: "Alpha" });
    const b = await makeRecordset(t, ws, [], { name: "Beta", type: "contacts" });
    await addRecords(t, ws, a.id, [{ name: "1" }, { name: "2" }]);
    const res = await list(t.as(ws.owner, ws), "?page_size=1");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ total: 2, page: 1, page_size: 1, items: [{ id: a.id, record_count: 2 }] });
    expect(((await (await list(t.as(ws.owner, ws), "?type=contacts&search=bet&is_active=true")).json()) as Page).items.map((r) => r.id)).toEqual([b.id]);
  });
});

describe("crudListRecordsets: error", () => {
  it.each(["?page=-1", "?page_size=101", "?is_active=1"])("answers 422 problem+json for %s", async (query) => {
    const ws = await t.createWorkspace();
    const res = await list(t.as(ws.owner, ws), query);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("crudListRecordsets: security", () => {
  it("answers 401 without credentials and 404 for a workspace one is not a member of", async () => {
    const ws = await t.createWorkspace();
    const other = await t.createWorkspace();
    expect((await list({ "x-workspace-id": ws.id })).status).toBe(401);
    expect((await list(t.as(ws.owner, other))).status).toBe(404);
  });

  it("shows a member only what they may see", async () => {
    const ws = await t.createWorkspace();
    const member = await t.addMember(ws, "member");
    const granted = await makeRecordset(t, ws);
    await makeRecordset(t, ws);
    expect(((await (await list(t.as(member, ws))).json()) as Page).total).toBe(0);
    await grant(t, ws, granted.slug, { member_id: member.id, flags: ["can_view"] });
    expect(((await (await list(t.as(member, ws))).json()) as Page).items.map((r) => r.id)).toEqual([granted.id]);
  });
});
