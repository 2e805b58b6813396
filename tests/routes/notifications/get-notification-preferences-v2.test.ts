import { beforeAll, describe, expect, it } from "vitest";
import { notificationEventTypes } from "../../../core/notifications/event-catalog.ts";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectMalformedWorkspaceHeader, itRejectsCallersOutsideTheWorkspace, workspaceWithEmailOptIn } from "./notification-fixtures.ts";

// GET /api/v1/notifications/preferences/v2 (getNotificationPreferencesV2)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  ({ workspace, member } = await workspaceWithEmailOptIn(t));
});

describe("getNotificationPreferencesV2: happy", () => {
  it("fills every event type, the caller's rows over the defaults", async () => {
    const res = await t.request("/api/v1/notifications/preferences/v2", { headers: t.as(member, workspace) });
    expect(res.status).toBe(200);
    const { preferences } = await res.json();
    expect(Object.keys(preferences)).toHaveLength(notificationEventTypes.length);
    expect(preferences["member.added"]).toEqual({ inapp_enabled: true, email_enabled: true, whatsapp_enabled: false, muted: false });
    expect(preferences["member.removed"]).toEqual({ inapp_enabled: true, email_enabled: false, whatsapp_enabled: false, muted: false });
  });
});

describe("getNotificationPreferencesV2: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    await expectMalformedWorkspaceHeader(t, member, "/api/v1/notifications/preferences/v2");
  });
});

describe("getNotificationPreferencesV2: security", () => {
  itRejectsCallersOutsideTheWorkspace(() => ({ t, workspace }), "/api/v1/notifications/preferences/v2");

  it.each(everyRole)("role %s sees its own settings, not another member's", async (role) => {
    const user = await t.addMember(workspace, role);
    const { preferences } = await (await t.request("/api/v1/notifications/preferences/v2", { headers: t.as(user, workspace) })).json();
    expect(preferences["member.added"].email_enabled).toBe(false);
  });
});
