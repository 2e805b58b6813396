import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { makeRecordset, onlyWorkspaceAdmins, trashRecordset, type RecordsetJson } from "./recordset-test-helpers.ts";

// GET /api/v1/recordsets/trash (listTrashedRecordsets)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

type Page = { items: RecordsetJson[]; total: number };
const trash = (headers: Record<string, string>, query = "") => t.request(`/api/v1/recordsets/trash${query}`, { headers });

describe("listTrashedRecordsets: happy", () => {
  it("lists only trashed recordsets, most recently trashed first, with search and paging", async () => {
    const own = await t.createWorkspace();
    await makeRecordset(t, own, [], { name: "Still here" });
    const first = await makeRecordset(t, own, [], { name: "Old stuff" });
    const second = await makeRecordset(t, own, [], { name: "Older things" });
    await trashRecordset(t, own, first.slug);
    await trashRecordset(t, own, second.slug);
    const res = await trash(t.as(own.owner, own));
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    expect(page.items.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(page.items[0]).toMatchObject({ is_active: false, deleted_at: expect.any(String) });
    expect(((await (await trash(t.as(own.owner, own), "?search=things")).json()) as Page).items.map((r) => r.id)).toEqual([second.id]);
    expect(await (await trash(t.as(own.owner, own), "?page=2&page_size=1")).json()).toMatchObject({ total: 2, page: 2, page_size: 1, items: [{ id: first.id }] });
  });
});

describe("listTrashedRecordsets: error", () => {
  it.each(["?page=0", "?page_size=500"])("answers 422 problem+json for %s", async (query) => {
    const res = await trash(t.as(ws.owner, ws), query);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listTrashedRecordsets: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await trash({ "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("never shows another workspace's trash", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other);
    await trashRecordset(t, other, foreign.slug);
    const page = (await (await trash(t.as(ws.owner, ws))).json()) as Page;
    expect(page.items.map((r) => r.id)).not.toContain(foreign.id);
    expect((await trash(t.as(ws.owner, other))).status).toBe(404);
  });

  it.each(onlyWorkspaceAdmins(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(ws, role);
    expect((await trash(t.as(user, ws))).status).toBe(status);
  });
});
