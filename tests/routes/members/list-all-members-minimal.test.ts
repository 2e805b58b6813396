import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { overridePermission } from "./member-test-helpers.ts";

// GET /api/v1/members/all (listAllMembersMinimal)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("listAllMembersMinimal: happy", () => {
  it("lists every active member with the minimal fields only", async () => {
    const member = await t.addMember(workspace, "member");
    const res = await t.request("/api/v1/members/all", { headers: t.as(member, workspace) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    const mine = body.items.find((m: { id: string }) => m.id === member.id);
    expect(Object.keys(mine).sort()).toEqual(["avatar_url", "display_name", "email", "full_name", "id", "role"]);
    expect(mine).toMatchObject({ email: member.email, role: "member" });
  });

  it("is refreshed after a member change (cache invalidation)", async () => {
    const ws = await t.createWorkspace();
    const first = await (await t.request("/api/v1/members/all", { headers: t.as(ws.owner, ws) })).json();
    expect(first.total).toBe(1);
    const created = await t.request("/api/v1/members", {
      method: "POST",
      headers: t.as(ws.owner, ws),
      json: { email: `new-${Date.now()}@example.test`, role: "member", display_name: "Newbie" },
    });
    expect(created.status).toBe(201);
    const second = await (await t.request("/api/v1/members/all", { headers: t.as(ws.owner, ws) })).json();
    expect(second.total).toBe(2);
    expect(second.items.map((m: { display_name: string | null }) => m.display_name)).toContain("Newbie");
  });
});

describe("listAllMembersMinimal: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    const res = await t.request("/api/v1/members/all", { headers: { ...t.as(workspace.owner), "x-workspace-id": "all" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listAllMembersMinimal: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/members/all", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for another workspace", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/members/all", { headers: t.as(other.owner, workspace) })).status).toBe(404);
  });

  it("answers 403 when the role lacks can_view_member", async () => {
    const ws = await t.createWorkspace();
    const viewer = await t.addMember(ws, "viewer");
    await overridePermission(t, ws, "viewer", "can_view_member", false);
    expect((await t.request("/api/v1/members/all", { headers: t.as(viewer, ws) })).status).toBe(403);
  });
});
