import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectMalformedWorkspaceHeader, itRejectsCallersOutsideTheWorkspace, workspaceWithEmailOptIn } from "./notification-fixtures.ts";

// GET /api/v1/notifications/me (listMyNotificationPreferences)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  ({ workspace, member } = await workspaceWithEmailOptIn(t));
});

describe("listMyNotificationPreferences: happy", () => {
  it("lists the caller's rows", async () => {
    const res = await t.request("/api/v1/notifications/me", { headers: t.as(member, workspace) });
    expect(res.status).toBe(200);
    const rows = await res.json();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event_type: "member.added", channel: "email", enabled: true, user_id: member.id });
  });
});

describe("listMyNotificationPreferences: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    await expectMalformedWorkspaceHeader(t, member, "/api/v1/notifications/me");
  });
});

describe("listMyNotificationPreferences: security", () => {
  itRejectsCallersOutsideTheWorkspace(() => ({ t, workspace }), "/api/v1/notifications/me");

  it.each(everyRole)("role %s sees only its own rows", async (role) => {
    const user = await t.addMember(workspace, role);
    expect(await (await t.request("/api/v1/notifications/me", { headers: t.as(user, workspace) })).json()).toEqual([]);
  });
});
