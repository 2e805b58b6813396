import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./permission-test-helpers.ts";

// POST /api/v1/permissions/roles/{role}/reset (resetRolePermissions)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const reset = (role: string, headers: Record<string, string>) => t.request(`/api/v1/permissions/roles/${role}/reset`, { method: "POST", headers });

describe("resetRolePermissions: happy", () => {
  it("drops the role's customisations and restores the defaults", async () => {
    const ws = await t.createWorkspace();
    await t.request("/api/v1/permissions/roles/member", {
      method: "PUT",
      headers: t.as(ws.owner, ws),
      json: { permissions: { can_delete_record: true, can_view_task: false } },
    });
    await t.request("/api/v1/permissions/roles/viewer", {
      method: "PATCH",
      headers: t.as(ws.owner, ws),
      json: { permission: "can_create_task", allowed: true },
    });
    const res = await reset("member", t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { role: string; removed: number; customized: string[]; permissions: Record<string, boolean> };
    expect(body).toMatchObject({ role: "member", removed: 2, customized: [] });
    expect(body.permissions).toMatchObject({ can_delete_record: false, can_view_task: true });
    // Other roles keep theirs.
    const viewer = (await (await t.request("/api/v1/permissions/roles/viewer", { headers: t.as(ws.owner, ws) })).json()) as { customized: string[] };
    expect(viewer.customized).toEqual(["can_create_task"]);
    // Resetting again is harmless.
    expect(((await (await reset("member", t.as(ws.owner, ws))).json()) as { removed: number }).removed).toBe(0);
  });
});

describe("resetRolePermissions: error", () => {
  it("answers 403 for the owner role and 422 for an unknown role", async () => {
    const owner = await reset("owner", t.as(workspace.owner, workspace));
    expect(owner.status).toBe(403);
    expect(owner.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await reset("pirate", t.as(workspace.owner, workspace))).status).toBe(422);
  });
});

describe("resetRolePermissions: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await reset("member", { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await reset("member", t.as(other.owner, workspace))).status).toBe(404);
  });

  it.each(onlyAdminGets(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await reset("viewer", t.as(user, workspace))).status).toBe(status);
  });
});
