import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset } from "./recordset-test-helpers.ts";

// GET /api/v1/recordsets/{recordset_slug}/views (listRecordsetViews)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const list = (slug: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/${slug}/views`, { headers });
const addView = async (slug: string, name: string) => {
  const res = await t.request(`/api/v1/recordsets/${slug}/views`, { method: "POST", headers: t.as(ws.owner, ws), json: { name } });
  expect(res.status).toBe(201);
};

describe("listRecordsetViews: happy", () => {
  it("lists the recordset's views, oldest first, and only its own", async () => {
    const rs = await makeRecordset(t, ws);
    const other = await makeRecordset(t, ws);
    await addView(rs.slug, "First");
    await addView(rs.slug, "Second");
    await addView(other.slug, "Elsewhere");
    const res = await list(rs.slug, t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((v: { name: string }) => v.name)).toEqual(["First", "Second"]);
    expect(body.items[0]).toMatchObject({ recordset_id: rs.id, type: "table", is_default: false });
  });
});

describe("listRecordsetViews: error", () => {
  it("answers 404 for an unknown recordset and 422 for an overlong slug", async () => {
    await expectProblem(await list("no-such-recordset", t.as(ws.owner, ws)), 404);
    await expectProblem(await list("x".repeat(200), t.as(ws.owner, ws)), 422);
  });
});

describe("listRecordsetViews: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await list(rs.slug, { "x-workspace-id": ws.id }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const foreign = await makeRecordset(t, await t.createWorkspace());
    await expectProblem(await list(foreign.slug, t.as(ws.owner, ws)), 404);
  });

  it("needs can_view: 403 without a grant, 200 for a viewer with one", async () => {
    const rs = await makeRecordset(t, ws);
    const stranger = await t.addMember(ws, "member");
    const viewer = await t.addMember(ws, "viewer");
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_view"] });
    await expectProblem(await list(rs.slug, t.as(stranger, ws)), 403);
    expect((await list(rs.slug, t.as(viewer, ws))).status).toBe(200);
  });
});
