import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../core/auth/actor.ts";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { avatarForm, callerAndTarget, expectProblem, PNG_BYTES } from "./account-test-helpers.ts";

// POST /api/v1/auth/{user_id}/avatar (uploadUserAvatar)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const upload = (userId: string, headers: Record<string, string>, body: FormData) =>
  t.request(`/api/v1/auth/${userId}/avatar`, { method: "POST", headers, body });

describe("uploadUserAvatar: happy", () => {
  it("an admin sets a member's picture, stored under the shared workspace's folder", async () => {
    const admin = await t.addMember(workspace, "admin");
    const member = await t.addMember(workspace, "member");
    const res = await upload(member.id, t.as(admin), avatarForm(PNG_BYTES));
    expect(res.status).toBe(200);
    expect(new URL((await res.json()).avatar_url).pathname).toContain(`/ws/${workspace.id}/profile-image/`);
    const row = await t.database.db.selectFrom("users").select("avatar_url").where("id", "=", member.id).executeTakeFirstOrThrow();
    expect(row.avatar_url).toMatch(new RegExp(`^ws/${workspace.id}/profile-image/[0-9a-f-]{36}\\.png$`));
  });
});

describe("uploadUserAvatar: error", () => {
  it("answers 415 for a non-image and 404 for an unknown user", async () => {
    const member = await t.addMember(workspace, "member");
    await expectProblem(await upload(member.id, t.as(workspace.owner), avatarForm(new TextEncoder().encode("%PDF-1.7"))), 415);
    await expectProblem(await upload(newId(), t.as(workspace.owner), avatarForm(PNG_BYTES)), 404);
  });
});

describe("uploadUserAvatar: security", () => {
  it("answers 401 without credentials and 403 for a user outside the caller's workspaces", async () => {
    await expectProblem(await upload(workspace.owner.id, {}, avatarForm(PNG_BYTES)), 401);
    const stranger = (await t.createWorkspace()).owner;
    await expectProblem(await upload(stranger.id, t.as(workspace.owner), avatarForm(PNG_BYTES)), 403);
  });

  it.each([
    ["owner", "admin", 200],
    ["admin", "member", 200],
    ["admin", "owner", 403],
    ["member", "member", 403],
    ["viewer", "viewer", 403],
  ] as const)("a %s uploading for a %s gets %i", async (callerRole: Role, targetRole: Role, status) => {
    const { caller, target } = await callerAndTarget(t, callerRole, targetRole);
    expect((await upload(target.id, t.as(caller), avatarForm(PNG_BYTES))).status).toBe(status);
  });
});
