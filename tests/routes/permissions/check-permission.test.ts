import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/permissions/check/{permission} (checkPermission)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const check = (permission: string, headers: Record<string, string>) => t.request(`/api/v1/permissions/check/${permission}`, { headers });

describe("checkPermission: happy", () => {
  it("answers true or false from the caller's role", async () => {
    const viewer = await t.addMember(workspace, "viewer");
    expect(await (await check("can_view_record", t.as(viewer, workspace))).json()).toEqual({ permission: "can_view_record", allowed: true });
    expect(await (await check("can_create_record", t.as(viewer, workspace))).json()).toEqual({ permission: "can_create_record", allowed: false });
    expect(await (await check("can_edit_billing", t.as(workspace.owner, workspace))).json()).toEqual({ permission: "can_edit_billing", allowed: true });
  });
});

describe("checkPermission: error", () => {
  it("answers 404 problem+json for a name outside the catalog", async () => {
    const res = await check("can_fly_rocket", t.as(workspace.owner, workspace));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("checkPermission: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await check("can_view_record", { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await check("can_view_record", t.as(other.owner, workspace))).status).toBe(404);
  });

  it.each([
    ["admin", true],
    ["member", false],
    ["viewer", false],
  ] as const)("role %s holds can_edit_permission: %s", async (role, allowed) => {
    const user = await t.addMember(workspace, role);
    const res = await check("can_edit_permission", t.as(user, workspace));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { allowed: boolean }).allowed).toBe(allowed);
  });
});
