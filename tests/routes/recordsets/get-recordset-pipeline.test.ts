import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId, type RecordsetJson } from "./recordset-test-helpers.ts";

// GET /api/v1/recordsets/{recordset_id}/pipeline (getRecordsetPipeline)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const get = (id: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/${id}/pipeline`, { headers });

async function withPipeline(): Promise<RecordsetJson> {
  const rs = await makeRecordset(t, ws);
  const res = await t.request(`/api/v1/recordsets/${rs.id}/pipeline`, { method: "POST", headers: t.as(ws.owner, ws), json: { name: "Deals", stages: [{ name: "Lead" }, { name: "Won", probability: 100 }] } });
  expect(res.status).toBe(201);
  return rs;
}

describe("getRecordsetPipeline: happy", () => {
  it("returns the recordset's pipeline", async () => {
    const rs = await withPipeline();
    const res = await get(rs.id, t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ recordset_id: rs.id, name: "Deals" });
    expect(body.stages.map((s: { name: string }) => s.name)).toEqual(["Lead", "Won"]);
  });
});

describe("getRecordsetPipeline: error", () => {
  it("answers 404 when the recordset has no pipeline or does not exist, 422 for a malformed id", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await get(rs.id, t.as(ws.owner, ws)), 404);
    await expectProblem(await get(unknownId, t.as(ws.owner, ws)), 404);
    await expectProblem(await get("not-a-uuid", t.as(ws.owner, ws)), 422);
  });
});

describe("getRecordsetPipeline: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await withPipeline();
    await expectProblem(await get(rs.id, { "x-workspace-id": ws.id }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const foreign = await makeRecordset(t, await t.createWorkspace());
    await expectProblem(await get(foreign.id, t.as(ws.owner, ws)), 404);
  });

  it("needs can_view: 403 without a grant, 200 for a viewer with one", async () => {
    const rs = await withPipeline();
    const stranger = await t.addMember(ws, "member");
    const viewer = await t.addMember(ws, "viewer");
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_view"] });
    await expectProblem(await get(rs.id, t.as(stranger, ws)), 403);
    expect((await get(rs.id, t.as(viewer, ws))).status).toBe(200);
  });
});
