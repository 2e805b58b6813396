import { beforeAll, describe, expect, it } from "vitest";
import { notificationEventTypes } from "../../../core/notifications/event-catalog.ts";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectMalformedWorkspaceHeader, expectUnauthenticated } from "./notification-fixtures.ts";

// POST /api/v1/notifications/me/reset (resetNotificationPreferences)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
});

const reset = (user: TestUser, ws = workspace) => t.request("/api/v1/notifications/me/reset", { method: "POST", headers: t.as(user, ws) });

describe("resetNotificationPreferences: happy", () => {
  it("replaces the caller's rows and mutes with the recommended rows", async () => {
    await t.request("/api/v1/notifications/me", { method: "POST", headers: t.as(member, workspace), json: { event_type: "api_key.created", channel: "email", enabled: false } });
    await t.request("/api/v1/notifications/preferences/v2/task.assigned", { method: "PUT", headers: t.as(member, workspace), json: { muted: true } });
    const res = await reset(member);
    expect(res.status).toBe(200);
    const rows = await res.json();
    expect(rows).toHaveLength(notificationEventTypes.length * 3);
    expect(rows.find((r: { event_type: string; channel: string }) => r.event_type === "api_key.created" && r.channel === "email").enabled).toBe(true);
    const v2 = await (await t.request("/api/v1/notifications/preferences/v2", { headers: t.as(member, workspace) })).json();
    expect(v2.preferences["task.assigned"].muted).toBe(false);
  });
});

describe("resetNotificationPreferences: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    await expectMalformedWorkspaceHeader(t, member, "/api/v1/notifications/me/reset", { method: "POST" });
  });
});

describe("resetNotificationPreferences: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, workspace, "/api/v1/notifications/me/reset", { method: "POST" });
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await reset(other.owner)).status).toBe(404);
  });

  it.each(everyRole)("role %s resets only its own rows", async (role) => {
    const user = await t.addMember(workspace, role);
    const before = (await (await t.request("/api/v1/notifications/me", { headers: t.as(member, workspace) })).json()).length;
    expect((await reset(user)).status).toBe(200);
    expect((await (await t.request("/api/v1/notifications/me", { headers: t.as(member, workspace) })).json()).length).toBe(before);
  });
});
