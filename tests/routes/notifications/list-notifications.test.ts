import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectOutsiderNotFound, expectUnauthenticated, recordEvent } from "./notification-fixtures.ts";

// GET /api/v1/notifications/inbox (listNotifications)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
  await recordEvent(t, workspace, { audience: [member], name: "First" });
  await recordEvent(t, workspace, { audience: [member], name: "Second" });
  await recordEvent(t, workspace, { audience: [member], name: "Third" });
});

describe("listNotifications: happy", () => {
  it("lists the caller's notifications newest first with total and unread count", async () => {
    const res = await t.request("/api/v1/notifications/inbox", { headers: t.as(member, workspace) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(3);
    expect(body.unread_count).toBe(3);
    expect(body.items.map((n: { title: string }) => n.title)).toEqual([
      "Task assigned: Third",
      "Task assigned: Second",
      "Task assigned: First",
    ]);
    expect(body.items[0]).toMatchObject({ type: "task.assigned", workspace_id: workspace.id, is_read: false, actor_id: workspace.owner.id });
  });

  it("pages with limit and offset, and filters unread_only", async () => {
    const page = await (await t.request("/api/v1/notifications/inbox?limit=1&offset=1", { headers: t.as(member, workspace) })).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].title).toBe("Task assigned: Second");
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    const first = page.items[0].id;
    await t.request("/api/v1/notifications/mark-read", { method: "POST", headers: t.as(member, workspace), json: { notification_id: first } });
    const unread = await (await t.request("/api/v1/notifications/inbox?unread_only=true", { headers: t.as(member, workspace) })).json();
    expect(unread.total).toBe(2);
    expect(unread.items.some((n: { id: string }) => n.id === first)).toBe(false);
  });

  it("never notifies the actor", async () => {
    const res = await t.request("/api/v1/notifications/inbox", { headers: t.as(workspace.owner, workspace) });
    expect((await res.json()).total).toBe(0);
  });
});

describe("listNotifications: error", () => {
  it.each(["limit=0", "limit=1000", "offset=-1", "unread_only=maybe"])("answers 422 problem+json for %s", async (query) => {
    const res = await t.request(`/api/v1/notifications/inbox?${query}`, { headers: t.as(member, workspace) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listNotifications: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, workspace, "/api/v1/notifications/inbox");
  });

  it("answers 404 for a workspace the caller is not in, and shows nobody else's notifications", async () => {
    const other = await expectOutsiderNotFound(t, workspace, "/api/v1/notifications/inbox");
    const own = await (await t.request("/api/v1/notifications/inbox", { headers: t.as(other.owner, other) })).json();
    expect(own.total).toBe(0);
  });

  it.each(everyRole)("role %s reads only its own inbox", async (role) => {
    const user = await t.addMember(workspace, role);
    const res = await t.request("/api/v1/notifications/inbox", { headers: t.as(user, workspace) });
    expect(res.status).toBe(200);
    expect((await res.json()).total).toBe(0);
  });
});
