import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId, type RecordsetJson } from "./recordset-test-helpers.ts";

// DELETE /api/v1/recordsets/{recordset_slug}/views/{view_id} (deleteRecordsetView)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const del = (slug: string, viewId: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/${slug}/views/${viewId}`, { method: "DELETE", headers });

async function withView(): Promise<{ rs: RecordsetJson; viewId: string }> {
  const rs = await makeRecordset(t, ws);
  const res = await t.request(`/api/v1/recordsets/${rs.slug}/views`, { method: "POST", headers: t.as(ws.owner, ws), json: { name: "Doomed" } });
  return { rs, viewId: (await res.json()).id };
}

describe("deleteRecordsetView: happy", () => {
  it("deletes the view", async () => {
    const { rs, viewId } = await withView();
    const res = await del(rs.slug, viewId, t.as(ws.owner, ws));
    expect(res.status).toBe(204);
    expect((await (await t.request(`/api/v1/recordsets/${rs.slug}/views`, { headers: t.as(ws.owner, ws) })).json()).total).toBe(0);
  });
});

describe("deleteRecordsetView: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown or already deleted view", async () => {
    const { rs, viewId } = await withView();
    await expectProblem(await del(rs.slug, "nope", t.as(ws.owner, ws)), 422);
    await expectProblem(await del(rs.slug, unknownId, t.as(ws.owner, ws)), 404);
    expect((await del(rs.slug, viewId, t.as(ws.owner, ws))).status).toBe(204);
    await expectProblem(await del(rs.slug, viewId, t.as(ws.owner, ws)), 404);
  });
});

describe("deleteRecordsetView: security", () => {
  it("answers 401 without credentials", async () => {
    const { rs, viewId } = await withView();
    await expectProblem(await del(rs.slug, viewId, { "x-workspace-id": ws.id }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const foreign = await makeRecordset(t, await t.createWorkspace());
    await expectProblem(await del(foreign.slug, unknownId, t.as(ws.owner, ws)), 404);
  });

  it("needs can_edit: 403 for a reader and a viewer", async () => {
    const { rs, viewId } = await withView();
    const reader = await t.addMember(ws, "member");
    const viewer = await t.addMember(ws, "viewer");
    await grant(t, ws, rs.slug, { member_id: reader.id, flags: ["can_view"] });
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_edit"] });
    await expectProblem(await del(rs.slug, viewId, t.as(reader, ws)), 403);
    await expectProblem(await del(rs.slug, viewId, t.as(viewer, ws)), 403);
  });
});
