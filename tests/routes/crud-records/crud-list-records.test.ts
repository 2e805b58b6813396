import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, makeRecord, makeRecordset, memberWith, type RecordsetJson } from "../records/record-test-helpers.ts";

// GET /api/v1/crud/records (crudListRecords)
let t: TestApp;
let ws: TestWorkspace;
let rs: RecordsetJson;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  rs = await makeRecordset(t, ws);
  await makeRecord(t, ws, rs.id, { name: "Alpha" }, ws.owner, { tags: ["vip"] });
  await makeRecord(t, ws, rs.id, { name: "Beta" }, ws.owner, { status: "archived" });
  await makeRecord(t, ws, rs.id, { name: "Gamma" });
});

const list = (query: Record<string, string>, headers = t.as(ws.owner, ws)) => t.request(`/api/v1/crud/records?${new URLSearchParams(query)}`, { headers });

describe("crudListRecords: happy", () => {
  it("pages the workspace's records newest first", async () => {
    const body = await (await list({ page_size: "2" })).json();
    expect(body).toMatchObject({ total: 3, page: 1, page_size: 2 });
    expect(body.items.map((r: { title: string }) => r.title)).toEqual(["Gamma", "Beta"]);
  });

  it("filters by recordset_id, search, status and tags", async () => {
    const titles = async (q: Record<string, string>) => ((await (await list({ recordset_id: rs.id, ...q })).json()).items as { title: string }[]).map((r) => r.title);
    expect(await titles({ search: "alpha" })).toEqual(["Alpha"]);
    expect(await titles({ status: "archived" })).toEqual(["Beta"]);
    expect(await titles({ tags: "vip" })).toEqual(["Alpha"]);
  });
});

describe("crudListRecords: error", () => {
  it("answers 422 for a bad status, page or page_size", async () => {
    await expectProblem(await list({ status: "gone" }), 422);
    await expectProblem(await list({ page: "0" }), 422);
    await expectProblem(await list({ page_size: "500" }), 422);
  });
});

describe("crudListRecords: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/crud/records", { headers: { "x-workspace-id": ws.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace's recordset and never lists its records", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    await makeRecord(t, other, foreign.id, { name: "Foreign" });
    await expectProblem(await list({ recordset_id: foreign.id }), 404);
    expect(JSON.stringify(await (await list({})).json())).not.toContain("Foreign");
  });

  it("answers 403 on a recordset the member has no grant on; lists nothing without grants", async () => {
    const user = await memberWith(t, ws, rs, []);
    await expectProblem(await list({ recordset_id: rs.id }, t.as(user, ws)), 403);
    expect((await (await list({}, t.as(user, ws))).json()).total).toBe(0);
  });
});
