import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectUnauthenticated, recordEvent } from "./notification-fixtures.ts";

// POST /api/v1/notifications/me (createNotificationPreference)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
});

const create = (user: TestUser, json: unknown, ws = workspace) =>
  t.request("/api/v1/notifications/me", { method: "POST", headers: t.as(user, ws), json });

describe("createNotificationPreference: happy", () => {
  it("creates a row, and the member is then notified of that event type", async () => {
    const res = await create(member, { event_type: "team.created", channel: "in_app", enabled: true });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ event_type: "team.created", channel: "in_app", enabled: true, user_id: member.id });
    await recordEvent(t, workspace, { type: "team.created", name: "Sales" });
    const inbox = await (await t.request("/api/v1/notifications/inbox", { headers: t.as(member, workspace) })).json();
    expect(inbox.items.map((n: { title: string }) => n.title)).toEqual(["Team created: Sales"]);
  });
});

describe("createNotificationPreference: error", () => {
  it.each([
    [{ event_type: "team.created", channel: "pigeon" }],
    [{ event_type: "not-a-type", channel: "email" }],
    [{ event_type: "unknown.thing", channel: "email" }],
    [{ channel: "email" }],
  ])("answers 422 problem+json for %j", async (json) => {
    const res = await create(member, json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 409 for a second row of the same type and channel", async () => {
    await create(member, { event_type: "team.deleted", channel: "email", enabled: true });
    expect((await create(member, { event_type: "team.deleted", channel: "email", enabled: false })).status).toBe(409);
  });
});

describe("createNotificationPreference: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, workspace, "/api/v1/notifications/me", { method: "POST", json: { event_type: "team.created", channel: "email" } });
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await create(other.owner, { event_type: "team.created", channel: "email" })).status).toBe(404);
  });

  it.each(everyRole)("role %s may create its own preference (viewers too: it is personal)", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await create(user, { event_type: "team.created", channel: "email" })).status).toBe(201);
  });
});
