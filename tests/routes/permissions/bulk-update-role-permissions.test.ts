import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./permission-test-helpers.ts";

// PUT /api/v1/permissions/roles/{role} (bulkUpdateRolePermissions)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const put = (role: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/permissions/roles/${role}`, { method: "PUT", headers, json });

type RolePermissions = { role: string; permissions: Record<string, boolean>; customized: string[] };

describe("bulkUpdateRolePermissions: happy", () => {
  it("sets several grants from a map, leaving the others, and they take effect", async () => {
    const ws = await t.createWorkspace();
    const member = await t.addMember(ws, "member");
    const res = await put("member", t.as(ws.owner, ws), { permissions: { can_delete_record: true, can_create_record: false } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RolePermissions;
    expect(body.permissions).toMatchObject({ can_delete_record: true, can_create_record: false, can_view_record: true });
    expect(body.customized.sort()).toEqual(["can_create_record", "can_delete_record"]);
    const check = await t.request("/api/v1/permissions/check/can_delete_record", { headers: t.as(member, ws) });
    expect(((await check.json()) as { allowed: boolean }).allowed).toBe(true);
  });

  it("accepts a list of {permission, allowed} too", async () => {
    const res = await put("viewer", t.as(workspace.owner, workspace), {
      permissions: [{ permission: "can_create_task", allowed: true }],
    });
    expect(((await res.json()) as RolePermissions).permissions.can_create_task).toBe(true);
  });
});

describe("bulkUpdateRolePermissions: error", () => {
  it("answers 422 naming unknown permissions, and changes nothing", async () => {
    const res = await put("member", t.as(workspace.owner, workspace), {
      permissions: { can_view_record: false, can_fly_rocket: true, can_eat_lunch: true },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const body = (await res.json()) as { detail: string; errors: Array<{ field: string }> };
    expect(body.detail).toContain("can_fly_rocket");
    expect(body.errors.map((e) => e.field).sort()).toEqual(["permissions.can_eat_lunch", "permissions.can_fly_rocket"]);
    const role = (await (await t.request("/api/v1/permissions/roles/member", { headers: t.as(workspace.owner, workspace) })).json()) as RolePermissions;
    expect(role.permissions.can_view_record).toBe(true);
  });

  it.each([[{}], [{ permissions: { can_view_record: "yes" } }], [{ permissions: "all" }]])("answers 422 for body %j", async (json) => {
    expect((await put("member", t.as(workspace.owner, workspace), json)).status).toBe(422);
  });

  it("answers 403 for the owner role, whose grants are fixed", async () => {
    const res = await put("owner", t.as(workspace.owner, workspace), { permissions: { can_view_record: false } });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("bulkUpdateRolePermissions: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await put("member", { "x-workspace-id": workspace.id }, { permissions: {} })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and changes nothing there", async () => {
    const other = await t.createWorkspace();
    expect((await put("member", t.as(other.owner, workspace), { permissions: { can_delete_record: true } })).status).toBe(404);
  });

  it("stops an admin granting a permission they do not hold", async () => {
    const admin = await t.addMember(workspace, "admin");
    const res = await put("member", t.as(admin, workspace), { permissions: { can_edit_billing: true, can_delete_task: true } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toContain("can_edit_billing");
    // Nothing was applied, not even the grant the admin holds.
    const role = (await (await t.request("/api/v1/permissions/roles/member", { headers: t.as(admin, workspace) })).json()) as RolePermissions;
    expect(role.permissions.can_delete_task).toBe(false);
    // Revoking is fine.
    expect((await put("member", t.as(admin, workspace), { permissions: { can_edit_billing: false } })).status).toBe(200);
  });

  it.each(onlyAdminGets(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await put("viewer", t.as(user, workspace), { permissions: { can_view_record: true } })).status).toBe(status);
  });
});
