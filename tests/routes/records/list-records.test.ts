import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, makeRecord, makeRecordset, memberWith, type RecordsetJson } from "./record-test-helpers.ts";

// GET /api/v1/records (listRecords)
let t: TestApp;
let ws: TestWorkspace;
let deals: RecordsetJson;
const fields = [
  { name: "Name", type: "text", required: true },
  { name: "Revenue", type: "currency" },
  { name: "Closed", type: "date" },
  { name: "Stage", type: "select", options: [{ value: "new" }, { value: "won" }] },
];

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  deals = await makeRecordset(t, ws, fields);
  // Revenues chosen so text order (100 < 25 < 9) differs from number order (9 < 25 < 100).
  await makeRecord(t, ws, deals.id, { name: "Alpha", revenue: 100, closed: "2024-01-10", stage: "won" }, ws.owner, { tags: ["vip"] });
  await makeRecord(t, ws, deals.id, { name: "Beta", revenue: 25, closed: "2024-03-01", stage: "new" });
  await makeRecord(t, ws, deals.id, { name: "Gamma", revenue: 9, closed: "2023-12-31", stage: "won" }, ws.owner, { tags: ["vip", "q1"] });
});

const list = (query: Record<string, string>, headers = t.as(ws.owner, ws)) => t.request(`/api/v1/records?${new URLSearchParams(query)}`, { headers });
const titles = async (query: Record<string, string>) => {
  const res = await list({ recordset_id: deals.id, ...query });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { title: string }[] }).items.map((r) => r.title);
};

describe("listRecords: happy", () => {
  it("pages with total, page and page_size", async () => {
    const res = await list({ recordset_id: deals.id, page: "2", page_size: "2", sort_by: "name" });
    expect(await res.json()).toMatchObject({ total: 3, page: 2, page_size: 2, items: [{ title: "Gamma" }] });
  });

  it("sorts numbers and dates by type, not as text", async () => {
    expect(await titles({ sort_by: "revenue", sort_order: "asc" })).toEqual(["Gamma", "Beta", "Alpha"]);
    expect(await titles({ sort_by: "closed", sort_order: "desc" })).toEqual(["Beta", "Alpha", "Gamma"]);
  });

  it("applies each filter family, search and tags", async () => {
    expect(await titles({ sort_by: "name", numeric_filters: JSON.stringify({ revenue: { gte: 20 } }) })).toEqual(["Alpha", "Beta"]);
    expect(await titles({ sort_by: "name", numeric_filters: JSON.stringify([{ field: "revenue", op: "between", value: [5, 30] }]) })).toEqual(["Beta", "Gamma"]);
    expect(await titles({ sort_by: "name", date_filters: JSON.stringify({ closed: { after: "2024-01-01" } }) })).toEqual(["Alpha", "Beta"]);
    expect(await titles({ sort_by: "name", column_filters: JSON.stringify({ stage: "won" }) })).toEqual(["Alpha", "Gamma"]);
    expect(await titles({ sort_by: "name", column_filters: JSON.stringify([{ field: "name", op: "starts_with", value: "Be" }]) })).toEqual(["Beta"]);
    expect(await titles({ sort_by: "name", tags: "vip,q1" })).toEqual(["Gamma"]);
    expect(await titles({ search: "beta" })).toEqual(["Beta"]);
  });

  it("projects field_values on `fields`", async () => {
    const res = await list({ recordset_id: deals.id, fields: "revenue", sort_by: "name", page_size: "1" });
    const body = await res.json();
    expect(body.items[0].field_values).toEqual({ revenue: 100 });
  });

  it("lists across the recordsets the caller can view when no recordset_id is given", async () => {
    const hidden = await makeRecordset(t, ws, fields);
    await makeRecord(t, ws, hidden.id, { name: "Hidden" });
    const user = await memberWith(t, ws, deals, ["can_view"]);
    const res = await list({ page_size: "200" }, t.as(user, ws));
    const body = (await res.json()) as { items: { recordset_id: string }[]; total: number };
    expect(body.total).toBe(3);
    expect(new Set(body.items.map((r) => r.recordset_id))).toEqual(new Set([deals.id]));
  });
});

describe("listRecords: error", () => {
  it("answers 422 naming an unknown field or operator", async () => {
    const field = await expectProblem(await list({ recordset_id: deals.id, numeric_filters: '{"nope":{"gt":1}}' }), 422);
    expect(JSON.stringify(field)).toContain("nope");
    const op = await expectProblem(await list({ recordset_id: deals.id, date_filters: '{"closed":{"like":"x"}}' }), 422);
    expect(JSON.stringify(op)).toContain("like");
    await expectProblem(await list({ recordset_id: deals.id, column_filters: "{not json" }), 422);
    await expectProblem(await list({ recordset_id: deals.id, sort_by: "nope" }), 422);
  });

  it("answers 422 for a page_size above 200 or a bad recordset_id", async () => {
    await expectProblem(await list({ page_size: "201" }), 422);
    await expectProblem(await list({ recordset_id: "x" }), 422);
  });
});

describe("listRecords: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/records", { headers: { "x-workspace-id": ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other, fields);
    await expectProblem(await list({ recordset_id: foreign.id }), 404);
  });

  it("answers 403 on a named recordset the member has no grant on", async () => {
    const user = await memberWith(t, ws, deals, []);
    await expectProblem(await list({ recordset_id: deals.id }, t.as(user, ws)), 403);
  });
});
