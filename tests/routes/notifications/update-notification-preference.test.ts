import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectUnauthenticated } from "./notification-fixtures.ts";

// PUT /api/v1/notifications/me/{preference_id} (updateNotificationPreference)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
});

async function createRow(user: TestUser, json: unknown = { event_type: "member.removed", channel: "email", enabled: true }): Promise<string> {
  const res = await t.request("/api/v1/notifications/me", { method: "POST", headers: t.as(user, workspace), json });
  return (await res.json()).id;
}

const update = (user: TestUser, id: string, json: unknown) =>
  t.request(`/api/v1/notifications/me/${id}`, { method: "PUT", headers: t.as(user, workspace), json });

describe("updateNotificationPreference: happy", () => {
  it("updates the caller's row", async () => {
    const id = await createRow(member);
    const res = await update(member, id, { enabled: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, enabled: false, event_type: "member.removed", channel: "email" });
  });
});

describe("updateNotificationPreference: error", () => {
  it("answers 422 problem+json for a malformed id or an empty body", async () => {
    expect((await update(member, "nope", { enabled: false })).status).toBe(422);
    const id = await createRow(member, { event_type: "team.updated", channel: "email", enabled: true });
    const res = await update(member, id, {});
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 409 when the change collides with another of the caller's rows", async () => {
    const user = await t.addMember(workspace, "member");
    await createRow(user, { event_type: "team.created", channel: "email", enabled: true });
    const id = await createRow(user, { event_type: "team.created", channel: "in_app", enabled: true });
    expect((await update(user, id, { channel: "email" })).status).toBe(409);
  });
});

describe("updateNotificationPreference: security", () => {
  it("answers 401 without credentials", async () => {
    const id = await createRow(member, { event_type: "team.deleted", channel: "email", enabled: true });
    await expectUnauthenticated(t, workspace, `/api/v1/notifications/me/${id}`, { method: "PUT", json: { enabled: false } });
  });

  it("answers 404 for another user's preference and leaves it unchanged", async () => {
    const other = await t.addMember(workspace, "admin");
    const id = await createRow(other);
    expect((await update(member, id, { enabled: false })).status).toBe(404);
    const rows = await (await t.request("/api/v1/notifications/me", { headers: t.as(other, workspace) })).json();
    expect(rows[0].enabled).toBe(true);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const outsider = await t.createWorkspace();
    const id = await createRow(member, { event_type: "api_key.deleted", channel: "email", enabled: true });
    const res = await t.request(`/api/v1/notifications/me/${id}`, { method: "PUT", headers: t.as(outsider.owner, workspace), json: { enabled: false } });
    expect(res.status).toBe(404);
  });

  it.each(everyRole)("role %s may update its own row", async (role) => {
    const user = await t.addMember(workspace, role);
    const id = await createRow(user);
    expect((await update(user, id, { enabled: false })).status).toBe(200);
  });
});
