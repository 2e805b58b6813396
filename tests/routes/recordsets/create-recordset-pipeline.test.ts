import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset, unknownId } from "./recordset-test-helpers.ts";

// POST /api/v1/recordsets/{recordset_id}/pipeline (createRecordsetPipeline)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const create = (id: string, headers: Record<string, string>, json: unknown) => t.request(`/api/v1/recordsets/${id}/pipeline`, { method: "POST", headers, json });
const sales = { name: "Sales", stages: [{ name: "New" }, { id: "won", name: "Won", order: 5, probability: 100, color: "#22c55e" }, { name: "Qualified", order: 1, probability: 25 }] };

describe("createRecordsetPipeline: happy", () => {
  it("attaches a pipeline with its stages in board order", async () => {
    const rs = await makeRecordset(t, ws);
    const res = await create(rs.id, t.as(ws.owner, ws), sales);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ recordset_id: rs.id, name: "Sales", created_by: ws.owner.id });
    expect(body.stages.map((s: { name: string; order: number }) => [s.name, s.order])).toEqual([["New", 0], ["Qualified", 1], ["Won", 5]]);
    expect(body.stages[2]).toEqual({ id: "won", name: "Won", order: 5, probability: 100, color: "#22c55e" });
    expect(body.stages[0]).toMatchObject({ probability: null, color: null, id: expect.any(String) });
  });
});

describe("createRecordsetPipeline: error", () => {
  it.each([
    ["no stages", { name: "P", stages: [] }],
    ["a blank name", { name: " ", stages: [{ name: "A" }] }],
    ["a probability above 100", { name: "P", stages: [{ name: "A", probability: 120 }] }],
    ["a colour that is not hex", { name: "P", stages: [{ name: "A", color: "green" }] }],
    ["duplicate stage names", { name: "P", stages: [{ name: "A" }, { name: "a" }] }],
    ["duplicate stage ids", { name: "P", stages: [{ id: "x", name: "A" }, { id: "x", name: "B" }] }],
  ])("answers 422 problem+json for %s", async (_, json) => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await create(rs.id, t.as(ws.owner, ws), json), 422);
  });

  it("answers 409 for a second pipeline and 404 for an unknown recordset", async () => {
    const rs = await makeRecordset(t, ws);
    expect((await create(rs.id, t.as(ws.owner, ws), sales)).status).toBe(201);
    expect((await expectProblem(await create(rs.id, t.as(ws.owner, ws), sales), 409)).code).toBe("conflict");
    await expectProblem(await create(unknownId, t.as(ws.owner, ws), sales), 404);
    await expectProblem(await create("not-a-uuid", t.as(ws.owner, ws), sales), 422);
  });
});

describe("createRecordsetPipeline: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await create(rs.id, { "x-workspace-id": ws.id }, sales), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const foreign = await makeRecordset(t, await t.createWorkspace());
    await expectProblem(await create(foreign.id, t.as(ws.owner, ws), sales), 404);
  });

  it("needs can_admin: 403 for an editor", async () => {
    const rs = await makeRecordset(t, ws);
    const editor = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: editor.id, flags: ["can_view", "can_edit"] });
    await expectProblem(await create(rs.id, t.as(editor, ws), sales), 403);
  });
});
