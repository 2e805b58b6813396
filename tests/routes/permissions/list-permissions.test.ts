import { beforeAll, describe, expect, it } from "vitest";
import { permissionCatalog } from "../../../core/permissions/catalog.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/permissions (listPermissions)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

type PermissionList = { items: Array<{ name: string; resource: string; action: string; label: string; category: string }>; total: number };

describe("listPermissions: happy", () => {
  it("lists the whole catalog", async () => {
    const res = await t.request("/api/v1/permissions", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PermissionList;
    expect(body.total).toBe(permissionCatalog.length);
    expect(body.items).toContainEqual({ name: "can_create_team", resource: "team", action: "create", label: "Create team", category: "administration" });
    for (const item of body.items) expect(item.name).toMatch(/^can_[a-z_]+$/);
  });

  it("filters by resource; an unknown resource matches nothing", async () => {
    const team = (await (await t.request("/api/v1/permissions?resource=team", { headers: t.as(workspace.owner, workspace) })).json()) as PermissionList;
    expect(team.items.map((p) => p.name).sort()).toEqual(["can_create_team", "can_delete_team", "can_edit_team", "can_view_team"]);
    const none = (await (await t.request("/api/v1/permissions?resource=spaceship", { headers: t.as(workspace.owner, workspace) })).json()) as PermissionList;
    expect(none).toEqual({ items: [], total: 0 });
  });
});

describe("listPermissions: error", () => {
  it("answers 422 problem+json for an empty resource filter", async () => {
    const res = await t.request("/api/v1/permissions?resource=", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listPermissions: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/permissions", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/permissions", { headers: t.as(other.owner, workspace) })).status).toBe(404);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s may read the catalog", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/permissions", { headers: t.as(user, workspace) })).status).toBe(200);
  });
});
