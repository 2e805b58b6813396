import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./permission-test-helpers.ts";

// GET /api/v1/permissions/roles (listRolePermissions)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

type AllRoles = { roles: Record<string, { role: string; editable: boolean; permissions: Record<string, boolean>; customized: string[] }> };

describe("listRolePermissions: happy", () => {
  it("maps every role to its grants, with this workspace's overrides", async () => {
    await t.request("/api/v1/permissions/roles/viewer", {
      method: "PATCH",
      headers: t.as(workspace.owner, workspace),
      json: { permission: "can_create_task", allowed: true },
    });
    const res = await t.request("/api/v1/permissions/roles", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const { roles } = (await res.json()) as AllRoles;
    expect(Object.keys(roles)).toEqual(["owner", "admin", "member", "viewer"]);
    expect(roles.owner).toMatchObject({ editable: false });
    expect(roles.admin!.permissions.can_edit_billing).toBe(false);
    expect(roles.viewer!.permissions.can_create_task).toBe(true);
    expect(roles.viewer!.customized).toEqual(["can_create_task"]);
  });
});

describe("listRolePermissions: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    const res = await t.request("/api/v1/permissions/roles", { headers: { ...t.as(workspace.owner), "x-workspace-id": "x" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listRolePermissions: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/permissions/roles", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and shows only the caller's workspace", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/permissions/roles", { headers: t.as(other.owner, workspace) })).status).toBe(404);
    const own = (await (await t.request("/api/v1/permissions/roles", { headers: t.as(other.owner, other) })).json()) as AllRoles;
    expect(own.roles.viewer!.customized).toEqual([]);
  });

  it.each(onlyAdminGets(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/permissions/roles", { headers: t.as(user, workspace) })).status).toBe(status);
  });
});
