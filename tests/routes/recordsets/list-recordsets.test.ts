import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { addToTeam, createTeam } from "../teams/team-test-helpers.ts";
import { grant, makeRecordset, trashRecordset, type RecordsetJson } from "./recordset-test-helpers.ts";

// GET /api/v1/recordsets (listRecordsets)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

type Page = { items: RecordsetJson[]; total: number; page: number; page_size: number };
const list = async (headers: Record<string, string>, query = "") => {
  const res = await t.request(`/api/v1/recordsets${query}`, { headers });
  return { res, body: res.status === 200 ? ((await res.json()) as Page) : null };
};

describe("listRecordsets: happy", () => {
  it("lists by name with counts, paginates and filters by search, type and is_active; trashed ones are left out", async () => {
    const ws = await t.createWorkspace();
    const b = await makeRecordset(t, ws, [], { name: "Beta leads", type: "contacts" });
    const a = await makeRecordset(t, ws, [], { name: "Alpha sites" });
    const c = await makeRecordset(t, ws, [], { name: "Gamma old" });
    await t.request(`/api/v1/recordsets/${c.slug}`, { method: "PUT", headers: t.as(ws.owner, ws), json: { is_active: false } });
    const gone = await makeRecordset(t, ws, [], { name: "Deleted" });
    await trashRecordset(t, ws, gone.slug);

    const all = (await list(t.as(ws.owner, ws))).body!;
    expect(all.items.map((r) => r.name)).toEqual(["Alpha sites", "Beta leads", "Gamma old"]);
    expect(all).toMatchObject({ total: 3, page: 1, page_size: 20 });
    expect(all.items[0]).toMatchObject({ id: a.id, record_count: 0, is_active: true });

    const second = (await list(t.as(ws.owner, ws), "?page=2&page_size=2")).body!;
    expect(second).toMatchObject({ total: 3, page: 2, page_size: 2 });
    expect(second.items.map((r) => r.id)).toEqual([c.id]);
    expect((await list(t.as(ws.owner, ws), "?search=LEADS")).body!.items.map((r) => r.id)).toEqual([b.id]);
    expect((await list(t.as(ws.owner, ws), "?type=contacts")).body!.items.map((r) => r.id)).toEqual([b.id]);
    expect((await list(t.as(ws.owner, ws), "?is_active=false")).body!.items.map((r) => r.id)).toEqual([c.id]);
  });

  it("shows a member the recordsets they created or were granted, directly or through a team", async () => {
    const ws = await t.createWorkspace();
    const member = await t.addMember(ws, "member");
    const own = await makeRecordset(t, ws, [], { name: "Own" }, member);
    const direct = await makeRecordset(t, ws, [], { name: "Direct" });
    const viaTeam = await makeRecordset(t, ws, [], { name: "Team" });
    await makeRecordset(t, ws, [], { name: "Hidden" });
    await grant(t, ws, direct.slug, { member_id: member.id, flags: ["can_view"] });
    const team = await createTeam(t, ws);
    await addToTeam(t, ws, team.id, member.id);
    await grant(t, ws, viaTeam.slug, { team_id: team.id, flags: ["can_edit"] });

    const page = (await list(t.as(member, ws))).body!;
    expect(page.items.map((r) => r.id).sort()).toEqual([own.id, direct.id, viaTeam.id].sort());
    expect(page.total).toBe(3);
    const admin = await t.addMember(ws, "admin");
    expect((await list(t.as(admin, ws))).body!.total).toBe(4);
  });
});

describe("listRecordsets: error", () => {
  it.each(["?page=0", "?page_size=0", "?page_size=1000", "?is_active=maybe", "?page=x"])("answers 422 problem+json for %s", async (query) => {
    const ws = await t.createWorkspace();
    const { res } = await list(t.as(ws.owner, ws), query);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listRecordsets: security", () => {
  it("answers 401 without credentials", async () => {
    const ws = await t.createWorkspace();
    expect((await list({ "x-workspace-id": ws.id })).res.status).toBe(401);
  });

  it("never lists another workspace's recordsets, and answers 404 for a workspace one is not a member of", async () => {
    const ws = await t.createWorkspace();
    const other = await t.createWorkspace();
    await makeRecordset(t, other, [], { name: "Foreign" });
    expect((await list(t.as(ws.owner, ws))).body!.total).toBe(0);
    const res = await t.request("/api/v1/recordsets", { headers: t.as(ws.owner, other) });
    expect(res.status).toBe(404);
  });

  it("shows a viewer nothing without a grant, and a granted recordset with one", async () => {
    const ws = await t.createWorkspace();
    const viewer = await t.addMember(ws, "viewer");
    const rs = await makeRecordset(t, ws);
    expect((await list(t.as(viewer, ws))).body!.total).toBe(0);
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_view"] });
    expect((await list(t.as(viewer, ws))).body!.items.map((r) => r.id)).toEqual([rs.id]);
  });
});
