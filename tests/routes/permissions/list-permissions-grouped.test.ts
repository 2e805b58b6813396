import { beforeAll, describe, expect, it } from "vitest";
import { permissionCatalog } from "../../../core/permissions/catalog.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/permissions/grouped (listPermissionsGrouped)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

type Groups = { groups: Array<{ resource: string; category: string; label: string; permissions: Array<{ name: string; resource: string }> }> };

describe("listPermissionsGrouped: happy", () => {
  it("groups every permission under its resource, content first", async () => {
    const res = await t.request("/api/v1/permissions/grouped", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const { groups } = (await res.json()) as Groups;
    expect(groups.flatMap((g) => g.permissions)).toHaveLength(permissionCatalog.length);
    for (const g of groups) for (const p of g.permissions) expect(p.resource).toBe(g.resource);
    expect(groups[0]!.category).toBe("content");
    expect(groups.find((g) => g.resource === "api_key")).toMatchObject({ category: "administration", label: "Api key" });
  });
});

describe("listPermissionsGrouped: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    const res = await t.request("/api/v1/permissions/grouped", { headers: { ...t.as(workspace.owner), "x-workspace-id": "nope" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listPermissionsGrouped: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/permissions/grouped", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/permissions/grouped", { headers: t.as(other.owner, workspace) })).status).toBe(404);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s may read it", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/permissions/grouped", { headers: t.as(user, workspace) })).status).toBe(200);
  });
});
