import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./permission-test-helpers.ts";

// PATCH /api/v1/permissions/roles/{role} (setRolePermission)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const patch = (role: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/permissions/roles/${role}`, { method: "PATCH", headers, json });

type RolePermissions = { permissions: Record<string, boolean>; customized: string[] };

describe("setRolePermission: happy", () => {
  it("changes only the named permission, and it takes effect", async () => {
    const ws = await t.createWorkspace();
    const viewer = await t.addMember(ws, "viewer");
    const res = await patch("viewer", t.as(ws.owner, ws), { permission: "can_view_record", allowed: false });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RolePermissions;
    expect(body.permissions).toMatchObject({ can_view_record: false, can_view_task: true });
    expect(body.customized).toEqual(["can_view_record"]);
    const check = await t.request("/api/v1/permissions/check/can_view_record", { headers: t.as(viewer, ws) });
    expect(((await check.json()) as { allowed: boolean }).allowed).toBe(false);
    // Setting it back to the default is no longer a customisation.
    const back = (await (await patch("viewer", t.as(ws.owner, ws), { permission: "can_view_record", allowed: true })).json()) as RolePermissions;
    expect(back.customized).toEqual([]);
  });
});

describe("setRolePermission: error", () => {
  it("answers 422 naming an unknown permission", async () => {
    const res = await patch("member", t.as(workspace.owner, workspace), { permission: "can_fly_rocket", allowed: true });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toContain("can_fly_rocket");
  });

  it.each([[{ permission: "can_view_record" }], [{ allowed: true }], [{ permission: "can_view_record", allowed: "no" }]])(
    "answers 422 for body %j",
    async (json) => {
      expect((await patch("member", t.as(workspace.owner, workspace), json)).status).toBe(422);
    },
  );

  it("answers 403 for the owner role and 422 for an unknown role", async () => {
    expect((await patch("owner", t.as(workspace.owner, workspace), { permission: "can_view_record", allowed: false })).status).toBe(403);
    expect((await patch("king", t.as(workspace.owner, workspace), { permission: "can_view_record", allowed: false })).status).toBe(422);
  });
});

describe("setRolePermission: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await patch("member", { "x-workspace-id": workspace.id }, { permission: "can_view_record", allowed: true })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await patch("member", t.as(other.owner, workspace), { permission: "can_delete_record", allowed: true })).status).toBe(404);
  });

  it("stops an admin granting what they do not hold, even to their own role", async () => {
    const admin = await t.addMember(workspace, "admin");
    expect((await patch("admin", t.as(admin, workspace), { permission: "can_edit_billing", allowed: true })).status).toBe(403);
    expect((await patch("member", t.as(admin, workspace), { permission: "can_delete_task", allowed: true })).status).toBe(200);
  });

  it.each(onlyAdminGets(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await patch("viewer", t.as(user, workspace), { permission: "can_view_task", allowed: true })).status).toBe(status);
  });
});
