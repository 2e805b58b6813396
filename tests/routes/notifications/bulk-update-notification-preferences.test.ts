import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectUnauthenticated } from "./notification-fixtures.ts";

// PUT /api/v1/notifications/me/bulk (bulkUpdateNotificationPreferences)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
});

const bulk = (user: TestUser, json: unknown, ws = workspace) =>
  t.request("/api/v1/notifications/me/bulk", { method: "PUT", headers: t.as(user, ws), json });

describe("bulkUpdateNotificationPreferences: happy", () => {
  it("creates then updates rows by event type and channel", async () => {
    const first = await bulk(member, { preferences: [{ event_type: "member.added", channel: "email", enabled: true }, { event_type: "task.assigned", channel: "in_app", enabled: false }] });
    expect(first.status).toBe(200);
    const created = await first.json();
    expect(created).toHaveLength(2);
    const second = await (await bulk(member, { preferences: [{ event_type: "member.added", channel: "email", enabled: false }] })).json();
    expect(second[0]).toMatchObject({ id: created[0].id, enabled: false });
    const rows = await (await t.request("/api/v1/notifications/me", { headers: t.as(member, workspace) })).json();
    expect(rows).toHaveLength(2);
  });
});

describe("bulkUpdateNotificationPreferences: error", () => {
  it.each([
    [{ preferences: [] }],
    [{ preferences: [{ event_type: "member.added", channel: "fax" }] }],
    [{ preferences: [{ event_type: "member.added", channel: "email" }, { event_type: "member.added", channel: "email" }] }],
    [{ preferences: [{ event_type: "nobody.knows", channel: "email" }] }],
  ])("answers 422 problem+json and writes nothing for %j", async (json) => {
    const user = await t.addMember(workspace, "member");
    const res = await bulk(user, json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await (await t.request("/api/v1/notifications/me", { headers: t.as(user, workspace) })).json()).toEqual([]);
  });
});

describe("bulkUpdateNotificationPreferences: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, workspace, "/api/v1/notifications/me/bulk", { method: "PUT", json: { preferences: [] } });
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await bulk(other.owner, { preferences: [{ event_type: "member.added", channel: "email", enabled: true }] })).status).toBe(404);
  });

  it.each(everyRole)("role %s may update its own", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await bulk(user, { preferences: [{ event_type: "member.added", channel: "email", enabled: true }] })).status).toBe(200);
  });
});
