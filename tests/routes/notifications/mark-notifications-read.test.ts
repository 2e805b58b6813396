import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectOutsiderNotFound, expectUnauthenticated, recordEvent } from "./notification-fixtures.ts";

// POST /api/v1/notifications/mark-read (markNotificationsRead)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
let other: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
  other = await t.addMember(workspace, "member");
  for (let i = 0; i < 3; i++) await recordEvent(t, workspace, { audience: [member, other] });
});

async function inbox(user: TestUser) {
  return (await t.request("/api/v1/notifications/inbox", { headers: t.as(user, workspace) })).json();
}

describe("markNotificationsRead: happy", () => {
  it("marks one read, then the rest with an empty body", async () => {
    const { items } = await inbox(member);
    const one = await t.request("/api/v1/notifications/mark-read", { method: "POST", headers: t.as(member, workspace), json: { notification_id: items[0].id } });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ updated: 1 });
    const again = await t.request("/api/v1/notifications/mark-read", { method: "POST", headers: t.as(member, workspace), json: { notification_id: items[0].id } });
    expect(await again.json()).toEqual({ updated: 0 });
    const all = await t.request("/api/v1/notifications/mark-read", { method: "POST", headers: t.as(member, workspace) });
    expect(await all.json()).toEqual({ updated: 2 });
    expect((await inbox(member)).unread_count).toBe(0);
    expect((await inbox(other)).unread_count).toBe(3);
  });
});

describe("markNotificationsRead: error", () => {
  it("answers 422 problem+json for a malformed id", async () => {
    const res = await t.request("/api/v1/notifications/mark-read", { method: "POST", headers: t.as(member, workspace), json: { notification_id: "nope" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("markNotificationsRead: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, workspace, "/api/v1/notifications/mark-read", { method: "POST" });
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const { items } = await inbox(other);
    const res = await t.request("/api/v1/notifications/mark-read", { method: "POST", headers: t.as(member, workspace), json: { notification_id: items[0].id } });
    expect(res.status).toBe(404);
    expect((await inbox(other)).unread_count).toBe(3);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    await expectOutsiderNotFound(t, workspace, "/api/v1/notifications/mark-read", { method: "POST" });
  });

  it.each(everyRole)("role %s may mark its own read", async (role) => {
    const user = await t.addMember(workspace, role);
    const res = await t.request("/api/v1/notifications/mark-read", { method: "POST", headers: t.as(user, workspace) });
    expect(res.status).toBe(200);
  });
});
