import { beforeAll, describe, expect, it } from "vitest";
import { overridePermission } from "./member-test-helpers.ts";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/members (listMembers)
let t: TestApp;
let workspace: TestWorkspace;
let admin: TestUser;
let viewer: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  admin = await t.addMember(workspace, "admin");
  viewer = await t.addMember(workspace, "viewer");
  await t.database.db
    .updateTable("users")
    .set({ full_name: "Zelda Searchable" })
    .where("id", "=", viewer.id)
    .execute();
});

describe("listMembers: happy", () => {
  it("pages the workspace's members with skip/limit and a total", async () => {
    const res = await t.request("/api/v1/members?skip=0&limit=2", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ total: 3, skip: 0, limit: 2 });
    expect(body.items).toHaveLength(2);
    const next = await (await t.request("/api/v1/members?skip=2&limit=2", { headers: t.as(workspace.owner, workspace) })).json();
    expect(next.items).toHaveLength(1);
    const ids = [...body.items, ...next.items].map((m: { id: string }) => m.id).sort();
    expect(ids).toEqual([workspace.owner.id, admin.id, viewer.id].sort());
    expect(body.items[0]).toMatchObject({ status: "active", is_active: true, display_name: null });
    expect(body.items[0]).not.toHaveProperty("tours");
  });

  it("searches by name or email, case-insensitively", async () => {
    const byName = await (await t.request("/api/v1/members?search=zELDA", { headers: t.as(admin, workspace) })).json();
    expect(byName.items.map((m: { id: string }) => m.id)).toEqual([viewer.id]);
    const byEmail = await (await t.request(`/api/v1/members?search=${admin.email.slice(0, 20)}`, { headers: t.as(admin, workspace) })).json();
    expect(byEmail.items.map((m: { id: string }) => m.id)).toEqual([admin.id]);
    const none = await (await t.request("/api/v1/members?search=100%25", { headers: t.as(admin, workspace) })).json();
    expect(none.total).toBe(0);
  });

  it("filters by is_active", async () => {
    const ws = await t.createWorkspace();
    const inactive = await t.addMember(ws, "member");
    await t.database.db.updateTable("workspace_members").set({ status: "inactive" }).where("user_id", "=", inactive.id).execute();
    const active = await (await t.request("/api/v1/members?is_active=true", { headers: t.as(ws.owner, ws) })).json();
    expect(active.items.map((m: { id: string }) => m.id)).toEqual([ws.owner.id]);
    const off = await (await t.request("/api/v1/members?is_active=false", { headers: t.as(ws.owner, ws) })).json();
    expect(off.items).toMatchObject([{ id: inactive.id, status: "inactive", is_active: false }]);
  });
});

describe("listMembers: error", () => {
  it.each(["limit=0", "limit=201", "skip=-1", "is_active=maybe"])("answers 422 problem+json for %s", async (query) => {
    const res = await t.request(`/api/v1/members?${query}`, { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listMembers: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/members", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and never lists another workspace's members", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/members", { headers: t.as(other.owner, workspace) })).status).toBe(404);
    const own = await (await t.request("/api/v1/members", { headers: t.as(other.owner, other) })).json();
    expect(own.items.map((m: { id: string }) => m.id)).toEqual([other.owner.id]);
  });

  it("answers 403 when the role lacks can_view_member", async () => {
    const ws = await t.createWorkspace();
    const member = await t.addMember(ws, "member");
    await overridePermission(t, ws, "member", "can_view_member", false);
    expect((await t.request("/api/v1/members", { headers: t.as(member, ws) })).status).toBe(403);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s may list members", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/members", { headers: t.as(user, workspace) })).status).toBe(200);
  });
});
