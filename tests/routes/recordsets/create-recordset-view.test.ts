import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset } from "./recordset-test-helpers.ts";

// POST /api/v1/recordsets/{recordset_slug}/views (createRecordsetView)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const create = (slug: string, headers: Record<string, string>, json: unknown) => t.request(`/api/v1/recordsets/${slug}/views`, { method: "POST", headers, json });

const config = {
  filters: { numeric_filters: { price: { gte: 100 } }, column_filters: [{ field: "stage", op: "in", value: ["new", "won"] }], date_filters: { created_at: { last_n_days: 30 } } },
  sort: { field: "price", order: "desc" },
  visible_columns: ["name", "price", "created_at"],
  group_by: "stage",
  options: { card_fields: ["price"] },
};

describe("createRecordsetView: happy", () => {
  it("saves a kanban view with a checked config", async () => {
    const rs = await makeRecordset(t, ws);
    const res = await create(rs.slug, t.as(ws.owner, ws), { name: "Pipeline board", type: "kanban", config, is_default: true });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ recordset_id: rs.id, name: "Pipeline board", type: "kanban", config, is_default: true, created_by: ws.owner.id });
  });

  it("defaults to a table view with an empty config, and moves the default flag to a new default view", async () => {
    const rs = await makeRecordset(t, ws);
    const first = await (await create(rs.slug, t.as(ws.owner, ws), { name: "All", is_default: true })).json();
    expect(first).toMatchObject({ type: "table", config: {}, is_default: true });
    await create(rs.slug, t.as(ws.owner, ws), { name: "Map", type: "map", is_default: true });
    const views = await (await t.request(`/api/v1/recordsets/${rs.slug}/views`, { headers: t.as(ws.owner, ws) })).json();
    expect(views.items.map((v: { name: string; is_default: boolean }) => [v.name, v.is_default])).toEqual([["All", false], ["Map", true]]);
  });
});

describe("createRecordsetView: error", () => {
  it.each([
    ["a missing name", { type: "table" }],
    ["an unknown type", { name: "X", type: "pivot" }],
    ["an unknown config key", { name: "X", config: { colour: "red" } }],
    ["an unknown field in a filter", { name: "X", config: { filters: { numeric_filters: { nope: { gt: 1 } } } } }],
    ["an unknown operator", { name: "X", config: { filters: { numeric_filters: { price: { like: 1 } } } } }],
    ["a number field in column filters", { name: "X", config: { filters: { column_filters: { price: "1" } } } }],
    ["an unknown sort field", { name: "X", config: { sort: { field: "nope" } } }],
    ["an unknown visible column", { name: "X", config: { visible_columns: ["name", "nope"] } }],
    ["a kanban grouped by a number field", { name: "X", type: "kanban", config: { group_by: "price" } }],
  ])("answers 422 problem+json for %s", async (_, json) => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await create(rs.slug, t.as(ws.owner, ws), json), 422);
  });

  it("names the unknown field in the problem", async () => {
    const rs = await makeRecordset(t, ws);
    const problem = await expectProblem(await create(rs.slug, t.as(ws.owner, ws), { name: "X", config: { filters: { date_filters: { missing_date: { after: "2024-01-01" } } } } }), 422);
    expect(problem.errors).toEqual([expect.objectContaining({ field: "config.filters.date_filters", message: expect.stringContaining("missing_date") })]);
  });

  it("answers 404 for an unknown recordset", async () => {
    await expectProblem(await create("no-such-recordset", t.as(ws.owner, ws), { name: "X" }), 404);
  });
});

describe("createRecordsetView: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await create(rs.slug, { "x-workspace-id": ws.id }, { name: "X" }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const foreign = await makeRecordset(t, await t.createWorkspace());
    await expectProblem(await create(foreign.slug, t.as(ws.owner, ws), { name: "X" }), 404);
  });

  it("needs can_edit: 403 for a reader, 201 for an editor", async () => {
    const rs = await makeRecordset(t, ws);
    const reader = await t.addMember(ws, "member");
    const editor = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: reader.id, flags: ["can_view"] });
    await grant(t, ws, rs.slug, { member_id: editor.id, flags: ["can_view", "can_edit"] });
    await expectProblem(await create(rs.slug, t.as(reader, ws), { name: "Mine" }), 403);
    expect((await create(rs.slug, t.as(editor, ws), { name: "Mine" })).status).toBe(201);
  });
});
