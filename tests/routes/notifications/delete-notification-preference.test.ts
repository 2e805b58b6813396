import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectUnauthenticated } from "./notification-fixtures.ts";

// DELETE /api/v1/notifications/me/{preference_id} (deleteNotificationPreference)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
});

async function createRow(user: TestUser): Promise<string> {
  const res = await t.request("/api/v1/notifications/me", { method: "POST", headers: t.as(user, workspace), json: { event_type: "member.added", channel: "email", enabled: true } });
  return (await res.json()).id;
}

const remove = (user: TestUser, id: string, ws = workspace) => t.request(`/api/v1/notifications/me/${id}`, { method: "DELETE", headers: t.as(user, ws) });

describe("deleteNotificationPreference: happy", () => {
  it("deletes the caller's row; a second delete is 404", async () => {
    const id = await createRow(member);
    expect((await remove(member, id)).status).toBe(204);
    expect(await (await t.request("/api/v1/notifications/me", { headers: t.as(member, workspace) })).json()).toEqual([]);
    expect((await remove(member, id)).status).toBe(404);
  });
});

describe("deleteNotificationPreference: error", () => {
  it("answers 422 problem+json for a malformed id", async () => {
    const res = await remove(member, "nope");
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("deleteNotificationPreference: security", () => {
  it("answers 401 without credentials", async () => {
    const id = await createRow(member);
    await expectUnauthenticated(t, workspace, `/api/v1/notifications/me/${id}`, { method: "DELETE" });
  });

  it("answers 404 for another user's preference and keeps it", async () => {
    const other = await t.addMember(workspace, "admin");
    const id = await createRow(other);
    expect((await remove(member, id)).status).toBe(404);
    expect(await (await t.request("/api/v1/notifications/me", { headers: t.as(other, workspace) })).json()).toHaveLength(1);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const outsider = await t.createWorkspace();
    const id = await createRow(member);
    expect((await remove(outsider.owner, id)).status).toBe(404);
  });

  it.each(everyRole)("role %s may delete its own row", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await remove(user, await createRow(user))).status).toBe(204);
  });
});
