import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectUnauthenticated, recordEvent } from "./notification-fixtures.ts";

// PUT /api/v1/notifications/preferences/v2/{event_type} (updateNotificationPreferenceV2)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
});

const update = (user: TestUser, type: string, json: unknown, ws = workspace) =>
  t.request(`/api/v1/notifications/preferences/v2/${type}`, { method: "PUT", headers: t.as(user, ws), json });

describe("updateNotificationPreferenceV2: happy", () => {
  it("sets channels, and a mute stops notifications of that type", async () => {
    const res = await update(member, "task.assigned", { email_enabled: false, whatsapp_enabled: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ event_type: "task.assigned", inapp_enabled: true, email_enabled: false, whatsapp_enabled: true, muted: false });
    expect(await (await update(member, "task.assigned", { muted: true })).json()).toMatchObject({ muted: true, whatsapp_enabled: true });
    await recordEvent(t, workspace, { audience: [member] });
    const count = await (await t.request("/api/v1/notifications/unread-count", { headers: t.as(member, workspace) })).json();
    expect(count).toEqual({ count: 0 });
    await update(member, "task.assigned", { muted: false });
    await recordEvent(t, workspace, { audience: [member] });
    expect(await (await t.request("/api/v1/notifications/unread-count", { headers: t.as(member, workspace) })).json()).toEqual({ count: 1 });
  });
});

describe("updateNotificationPreferenceV2: error", () => {
  it("answers 422 problem+json for an empty or ill-typed body", async () => {
    for (const json of [{}, { muted: "yes" }]) {
      const res = await update(member, "task.assigned", json);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });

  it("answers 404 for an unknown event type", async () => {
    expect((await update(member, "no.such_type", { muted: true })).status).toBe(404);
  });
});

describe("updateNotificationPreferenceV2: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, workspace, "/api/v1/notifications/preferences/v2/task.assigned", { method: "PUT", json: { muted: true } });
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await update(other.owner, "task.assigned", { muted: true })).status).toBe(404);
  });

  it.each(everyRole)("role %s changes only its own settings", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await update(user, "member.added", { email_enabled: true })).status).toBe(200);
    const { preferences } = await (await t.request("/api/v1/notifications/preferences/v2", { headers: t.as(workspace.owner, workspace) })).json();
    expect(preferences["member.added"].email_enabled).toBe(false);
  });
});
