import { beforeAll, describe, expect, it } from "vitest";
import { permissionCatalog } from "../../../core/permissions/catalog.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/permissions/me (getMyPermissions)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

type Mine = { role: string; permissions: Record<string, boolean>; granted: string[]; customized: string[]; editable: boolean };

describe("getMyPermissions: happy", () => {
  it("gives the owner everything", async () => {
    const res = await t.request("/api/v1/permissions/me", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Mine;
    expect(body).toMatchObject({ role: "owner", editable: false });
    expect(body.granted).toHaveLength(permissionCatalog.length);
  });

  it("gives a member the defaults plus the workspace's overrides", async () => {
    const member = await t.addMember(workspace, "member");
    const before = (await (await t.request("/api/v1/permissions/me", { headers: t.as(member, workspace) })).json()) as Mine;
    expect(before.permissions).toMatchObject({ can_view_record: true, can_create_record: true, can_delete_record: false, can_edit_permission: false });
    await t.request("/api/v1/permissions/roles/member", {
      method: "PATCH",
      headers: t.as(workspace.owner, workspace),
      json: { permission: "can_delete_record", allowed: true },
    });
    const after = (await (await t.request("/api/v1/permissions/me", { headers: t.as(member, workspace) })).json()) as Mine;
    expect(after.permissions.can_delete_record).toBe(true);
    expect(after.customized).toEqual(["can_delete_record"]);
  });
});

describe("getMyPermissions: error", () => {
  it("answers 422 problem+json without a workspace header", async () => {
    const res = await t.request("/api/v1/permissions/me", { headers: t.as(workspace.owner) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("getMyPermissions: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/permissions/me", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/permissions/me", { headers: t.as(other.owner, workspace) })).status).toBe(404);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s reads its own role", async (role) => {
    const user = await t.addMember(workspace, role);
    const res = await t.request("/api/v1/permissions/me", { headers: t.as(user, workspace) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Mine).role).toBe(role);
  });
});
