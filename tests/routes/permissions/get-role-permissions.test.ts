import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./permission-test-helpers.ts";

// GET /api/v1/permissions/roles/{role} (getRolePermissions)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

type RolePermissions = { role: string; editable: boolean; permissions: Record<string, boolean>; granted: string[] };

describe("getRolePermissions: happy", () => {
  it("returns one role's effective grants", async () => {
    const res = await t.request("/api/v1/permissions/roles/member", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RolePermissions;
    expect(body).toMatchObject({ role: "member", editable: true });
    expect(body.permissions).toMatchObject({ can_create_record: true, can_delete_record: false, can_edit_own_record: true });
    expect(body.granted).toContain("can_create_record");
    const owner = (await (await t.request("/api/v1/permissions/roles/owner", { headers: t.as(workspace.owner, workspace) })).json()) as RolePermissions;
    expect(owner.editable).toBe(false);
  });
});

describe("getRolePermissions: error", () => {
  it("answers 422 problem+json for an unknown role", async () => {
    const res = await t.request("/api/v1/permissions/roles/emperor", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("getRolePermissions: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/permissions/roles/member", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/permissions/roles/member", { headers: t.as(other.owner, workspace) })).status).toBe(404);
  });

  it.each(onlyAdminGets(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/permissions/roles/viewer", { headers: t.as(user, workspace) })).status).toBe(status);
  });
});
