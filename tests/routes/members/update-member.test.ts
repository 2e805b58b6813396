import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// PUT /api/v1/members/{member_id} (updateMember)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const update = (id: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/members/${id}`, { method: "PUT", headers, json });

describe("updateMember: happy", () => {
  it("an admin changes role, profile and active state", async () => {
    const admin = await t.addMember(workspace, "admin");
    const member = await t.addMember(workspace, "member");
    const res = await update(member.id, t.as(admin, workspace), { role: "viewer", display_name: "Bea", department: "Ops" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: member.id, role: "viewer", display_name: "Bea", department: "Ops", is_active: true });
    const off = await (await update(member.id, t.as(admin, workspace), { is_active: false })).json();
    expect(off).toMatchObject({ status: "inactive", is_active: false });
    // An inactive member cannot use the workspace any more.
    expect((await t.request("/api/v1/members/me", { headers: t.as(member, workspace) })).status).toBe(404);
  });

  it("a member edits their own profile fields, and clears one with null", async () => {
    const member = await t.addMember(workspace, "member");
    expect(await (await update(member.id, t.as(member, workspace), { title: "Analyst", phone: "+1 555" })).json()).toMatchObject({
      title: "Analyst",
      phone: "+1 555",
    });
    expect(await (await update(member.id, t.as(member, workspace), { title: null })).json()).toMatchObject({ title: null, phone: "+1 555" });
  });
});

describe("updateMember: error", () => {
  it.each([[{ role: "owner" }], [{ role: 3 }], [{ is_active: "yes" }], [{ title: "x".repeat(121) }]])("answers 422 problem+json for %j", async (json) => {
    const res = await update(workspace.owner.id, t.as(workspace.owner, workspace), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 404 for an unknown id and 409 for the owner's own role", async () => {
    expect((await update("01939a6e-7c1e-7b41-9a31-5f2b8d1c0a11", t.as(workspace.owner, workspace), { title: "x" })).status).toBe(404);
    expect((await update(workspace.owner.id, t.as(workspace.owner, workspace), { role: "admin" })).status).toBe(409);
  });
});

describe("updateMember: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await update(workspace.owner.id, { "x-workspace-id": workspace.id }, { title: "x" })).status).toBe(401);
  });

  it("answers 404 for another workspace's member", async () => {
    const other = await t.createWorkspace();
    expect((await update(other.owner.id, t.as(workspace.owner, workspace), { title: "x" })).status).toBe(404);
  });

  it("an admin cannot change the owner (403)", async () => {
    const admin = await t.addMember(workspace, "admin");
    expect((await update(workspace.owner.id, t.as(admin, workspace), { title: "x" })).status).toBe(403);
    expect((await update(workspace.owner.id, t.as(admin, workspace), { is_active: false })).status).toBe(403);
  });

  it("a member cannot change their own role", async () => {
    const member = await t.addMember(workspace, "member");
    expect((await update(member.id, t.as(member, workspace), { role: "admin" })).status).toBe(403);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s editing someone else gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const target = await t.addMember(workspace, "viewer");
    expect((await update(target.id, t.as(user, workspace), { title: "x" })).status).toBe(status);
  });
});
