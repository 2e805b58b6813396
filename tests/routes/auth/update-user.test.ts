import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../core/auth/actor.ts";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { callerAndTarget, expectProblem } from "./account-test-helpers.ts";

// PUT /api/v1/auth/{user_id} (updateUser)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const put = (userId: string, headers: Record<string, string>, json: unknown) =>
  t.request(`/api/v1/auth/${userId}`, { method: "PUT", headers, json });

describe("updateUser: happy", () => {
  it("an admin updates a member's profile and email", async () => {
    const admin = await t.addMember(workspace, "admin");
    const member = await t.addMember(workspace, "member");
    const email = `Renamed-${member.id}@Example.test`;
    const res = await put(member.id, t.as(admin), { name: "Grace Hopper", title: "Rear Admiral", email });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ full_name: "Grace Hopper", title: "Rear Admiral", email: email.toLowerCase(), member: null });
  });

  it("changes the role in the workspace given by X-Workspace-Id", async () => {
    const member = await t.addMember(workspace, "member");
    const res = await put(member.id, t.as(workspace.owner, workspace), { role: "admin" });
    expect(res.status).toBe(200);
    expect((await res.json()).member).toMatchObject({ workspace_id: workspace.id, role: "admin" });
    const row = await t.database.db
      .selectFrom("workspace_members")
      .select("role")
      .where("workspace_id", "=", workspace.id)
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe("admin");
  });
});

describe("updateUser: error", () => {
  it("answers 422 for a role without X-Workspace-Id, an unknown role and unknown fields", async () => {
    const member = await t.addMember(workspace, "member");
    await expectProblem(await put(member.id, t.as(workspace.owner), { role: "admin" }), 422);
    await expectProblem(await put(member.id, t.as(workspace.owner, workspace), { role: "god" }), 422);
    await expectProblem(await put(member.id, t.as(workspace.owner), { password_hash: "x" }), 422);
  });

  it("answers 409 for an email another account uses, 404 for an unknown user", async () => {
    const member = await t.addMember(workspace, "member");
    const other = await t.addMember(workspace, "member");
    await expectProblem(await put(member.id, t.as(workspace.owner), { email: other.email.toUpperCase() }), 409);
    await expectProblem(await put(newId(), t.as(workspace.owner), { title: "x" }), 404);
  });
});

describe("updateUser: security", () => {
  it("answers 401 without credentials", async () => {
    await expectProblem(await put(workspace.owner.id, {}, { title: "x" }), 401);
  });

  it("answers 403 for a user in no shared workspace, and for a workspace header the target is not in", async () => {
    const stranger = (await t.createWorkspace()).owner;
    await expectProblem(await put(stranger.id, t.as(workspace.owner), { title: "x" }), 403);
    const member = await t.addMember(workspace, "member");
    const elsewhere = await t.createWorkspace();
    await expectProblem(await put(member.id, t.as(elsewhere.owner, elsewhere), { title: "x" }), 403);
  });

  // Writes need admin or owner with a role at least the target's: an admin never edits an owner.
  it.each([
    ["owner", "admin", 200],
    ["admin", "admin", 200],
    ["admin", "member", 200],
    ["admin", "owner", 403],
    ["member", "member", 403],
    ["member", "viewer", 403],
    ["viewer", "viewer", 403],
  ] as const)("a %s editing a %s gets %i", async (callerRole: Role, targetRole: Role, status) => {
    const { caller, target } = await callerAndTarget(t, callerRole, targetRole);
    expect((await put(target.id, t.as(caller), { title: "Edited" })).status).toBe(status);
  });

  it("an admin cannot grant owner nor change their own role", async () => {
    const admin = await t.addMember(workspace, "admin");
    const member = await t.addMember(workspace, "member");
    await expectProblem(await put(member.id, t.as(admin, workspace), { role: "owner" }), 403);
    await expectProblem(await put(admin.id, t.as(admin, workspace), { role: "owner" }), 403);
    expect((await put(member.id, t.as(admin, workspace), { role: "viewer" })).status).toBe(200);
  });
});
