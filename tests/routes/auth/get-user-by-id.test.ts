import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../core/auth/actor.ts";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { callerAndTarget, expectProblem } from "./account-test-helpers.ts";

// GET /api/v1/auth/{user_id} (getUserById)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getUserById: happy", () => {
  it("an admin reads a member of their workspace; anyone reads themselves", async () => {
    const admin = await t.addMember(workspace, "admin");
    const member = await t.addMember(workspace, "member");
    const res = await t.request(`/api/v1/auth/${member.id}`, { headers: t.as(admin) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: member.id, email: member.email });
    expect((await t.request(`/api/v1/auth/${member.id}`, { headers: t.as(member) })).status).toBe(200);
  });
});

describe("getUserById: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown user", async () => {
    await expectProblem(await t.request("/api/v1/auth/not-a-uuid", { headers: t.as(workspace.owner) }), 422);
    await expectProblem(await t.request(`/api/v1/auth/${newId()}`, { headers: t.as(workspace.owner) }), 404);
  });
});

describe("getUserById: security", () => {
  it("answers 401 without credentials", async () => {
    await expectProblem(await t.request(`/api/v1/auth/${workspace.owner.id}`), 401);
  });

  it("answers 403 for a user who shares no workspace with the caller", async () => {
    const stranger = (await t.createWorkspace()).owner;
    await expectProblem(await t.request(`/api/v1/auth/${stranger.id}`, { headers: t.as(workspace.owner) }), 403);
  });

  // caller role -> target role -> status: the caller needs the same or a higher role.
  it.each([
    ["owner", "admin", 200],
    ["admin", "admin", 200],
    ["admin", "owner", 403],
    ["member", "member", 200],
    ["member", "admin", 403],
    ["viewer", "viewer", 200],
    ["viewer", "member", 403],
  ] as const)("a %s reading a %s gets %i", async (callerRole: Role, targetRole: Role, status) => {
    const { caller, target } = await callerAndTarget(t, callerRole, targetRole);
    expect((await t.request(`/api/v1/auth/${target.id}`, { headers: t.as(caller) })).status).toBe(status);
  });

  it("a higher role in another shared workspace is enough", async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const caller = await t.addMember(a, "viewer");
    const target = await t.addMember(a, "admin");
    await t.addMember(b, "admin", caller);
    await t.addMember(b, "member", target);
    expect((await t.request(`/api/v1/auth/${target.id}`, { headers: t.as(caller) })).status).toBe(200);
  });
});
