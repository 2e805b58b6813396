import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole } from "./notification-fixtures.ts";

// GET /api/v1/notifications/me (listMyNotificationPreferences)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
  await t.request("/api/v1/notifications/me", { method: "POST", headers: t.as(member, workspace), json: { event_type: "member.added", channel: "email", enabled: true } });
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
    const res = await t.request("/api/v1/notifications/me", { headers: { ...t.as(member), "x-workspace-id": "nope" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listMyNotificationPreferences: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/notifications/me", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/notifications/me", { headers: t.as(other.owner, workspace) })).status).toBe(404);
  });

  it.each(everyRole)("role %s sees only its own rows", async (role) => {
    const user = await t.addMember(workspace, role);
    expect(await (await t.request("/api/v1/notifications/me", { headers: t.as(user, workspace) })).json()).toEqual([]);
  });
});
