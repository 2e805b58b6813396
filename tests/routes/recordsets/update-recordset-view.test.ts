import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId, type RecordsetJson } from "./recordset-test-helpers.ts";

// PUT /api/v1/recordsets/{recordset_slug}/views/{view_id} (updateRecordsetView)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const put = (slug: string, viewId: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/recordsets/${slug}/views/${viewId}`, { method: "PUT", headers, json });

async function withView(type = "table"): Promise<{ rs: RecordsetJson; viewId: string }> {
  const rs = await makeRecordset(t, ws);
  const res = await t.request(`/api/v1/recordsets/${rs.slug}/views`, { method: "POST", headers: t.as(ws.owner, ws), json: { name: "Start", type, config: { sort: { field: "name" } } } });
  return { rs, viewId: (await res.json()).id };
}

describe("updateRecordsetView: happy", () => {
  it("changes only the given properties; a config replaces the old one", async () => {
    const { rs, viewId } = await withView();
    const renamed = await put(rs.slug, viewId, t.as(ws.owner, ws), { name: "Renamed" });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: viewId, name: "Renamed", type: "table", config: { sort: { field: "name", order: "asc" } } });
    const reconfigured = await (await put(rs.slug, viewId, t.as(ws.owner, ws), { type: "kanban", config: { group_by: "stage" }, is_default: true })).json();
    expect(reconfigured).toMatchObject({ name: "Renamed", type: "kanban", config: { group_by: "stage" }, is_default: true });
    expect(reconfigured.config.sort).toBeUndefined();
  });
});

describe("updateRecordsetView: error", () => {
  it("answers 422 for a bad config, a blank name or a malformed view id", async () => {
    const { rs, viewId } = await withView();
    await expectProblem(await put(rs.slug, viewId, t.as(ws.owner, ws), { config: { visible_columns: ["nope"] } }), 422);
    await expectProblem(await put(rs.slug, viewId, t.as(ws.owner, ws), { name: "  " }), 422);
    await expectProblem(await put(rs.slug, "nope", t.as(ws.owner, ws), { name: "X" }), 422);
  });

  it("checks the existing config when only the type changes", async () => {
    const { rs, viewId } = await withView();
    await put(rs.slug, viewId, t.as(ws.owner, ws), { config: { group_by: "price" } });
    await expectProblem(await put(rs.slug, viewId, t.as(ws.owner, ws), { type: "kanban" }), 422);
  });

  it("answers 404 for an unknown view, or a view of another recordset", async () => {
    const { rs } = await withView();
    const other = await withView();
    await expectProblem(await put(rs.slug, unknownId, t.as(ws.owner, ws), { name: "X" }), 404);
    await expectProblem(await put(rs.slug, other.viewId, t.as(ws.owner, ws), { name: "X" }), 404);
  });
});

describe("updateRecordsetView: security", () => {
  it("answers 401 without credentials", async () => {
    const { rs, viewId } = await withView();
    await expectProblem(await put(rs.slug, viewId, { "x-workspace-id": ws.id }, { name: "X" }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const foreign = await makeRecordset(t, await t.createWorkspace());
    await expectProblem(await put(foreign.slug, unknownId, t.as(ws.owner, ws), { name: "X" }), 404);
  });

  it("needs can_edit: 403 for a reader", async () => {
    const { rs, viewId } = await withView();
    const reader = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: reader.id, flags: ["can_view"] });
    await expectProblem(await put(rs.slug, viewId, t.as(reader, ws), { name: "X" }), 403);
  });
});
