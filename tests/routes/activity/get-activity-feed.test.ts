import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { EVERY_ROLE_GETS_200, expectUnauthenticated, memberWithoutActivityView, seedEvent } from "./activity-helpers.ts";

// GET /api/v1/activity/feed (getActivityFeed)
let t: TestApp;
let ws: TestWorkspace;
let ada: TestUser;
let bob: TestUser;
type Feed = { items: Array<Record<string, unknown>>; total: number; limit: number; offset: number };

const feed = async (user: TestUser, query = "", workspace = ws): Promise<Feed> => {
  const res = await t.request(`/api/v1/activity/feed${query}`, { headers: t.as(user, workspace) });
  expect(res.status).toBe(200);
  return (await res.json()) as Feed;
};

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  ada = await t.addMember(ws, "admin");
  bob = await t.addMember(ws, "member");
  await t.database.db.updateTable("users").set({ full_name: "Ada Lovelace" }).where("id", "=", ada.id).execute();
  const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12));
  await seedEvent(t, ws, { type: "record.created", actor: ada, name: "Quarterly Revenue", occurredAt: day(1) });
  await seedEvent(t, ws, { type: "record.updated", actor: bob, name: "Pipeline Review", occurredAt: day(2) });
  await seedEvent(t, ws, { type: "goal.created", actor: bob, name: "Grow revenue", occurredAt: day(3) });
  await seedEvent(t, ws, { type: "member.role_changed", actor: ada, entityType: "member", entityId: bob.id, name: "Bob", occurredAt: day(4) });
  await seedEvent(t, ws, { type: "integration.synced", actor: null, name: "Slack", audience: [bob.id], occurredAt: day(5) });
});

describe("getActivityFeed: happy", () => {
  it("lists the workspace's activity newest first, with actor names", async () => {
    const body = await feed(ada);
    expect(body.total).toBe(5);
    expect(body.items.map((i) => i.type)).toEqual(["integration.synced", "member.role_changed", "goal.created", "record.updated", "record.created"]);
    expect(body.items[1]).toMatchObject({ actor_id: ada.id, actor_name: "Ada Lovelace", entity_type: "member", entity_id: bob.id });
    expect(body.items[0]).toMatchObject({ actor_id: null, actor_name: null, audience: [bob.id] });
    expect(body).toMatchObject({ limit: 20, offset: 0 });
  });

  it("records the identity sections' changes: creating a team shows up as team.created", async () => {
    const own = await t.createWorkspace();
    const res = await t.request("/api/v1/teams", { method: "POST", headers: t.as(own.owner, own), json: { name: "Field Ops" } });
    expect(res.status).toBeLessThan(300);
    const body = await feed(own.owner, "", own);
    expect(body.items[0]).toMatchObject({ type: "team.created", entity_type: "team", entity_name: "Field Ops", actor_id: own.owner.id });
  });

  it("records the identity sections' other changes (API keys, modules, permissions, members, teams)", async () => {
    const own = await t.createWorkspace();
    const h = t.as(own.owner, own);
    const member = await t.addMember(own, "member");
    const key = (await (await t.request("/api/v1/api-keys", { method: "POST", headers: h, json: { name: "CI" } })).json()) as { id: string };
    expect((await t.request(`/api/v1/api-keys/${key.id}/revoke`, { method: "POST", headers: h })).status).toBe(200);
    expect((await t.request("/api/v1/modules/crm/toggle", { method: "POST", headers: h })).status).toBe(200);
    expect((await t.request("/api/v1/permissions/roles/viewer", { method: "PATCH", headers: h, json: { permission: "can_create_task", allowed: true } })).status).toBe(200);
    expect((await t.request(`/api/v1/members/${member.id}`, { method: "PUT", headers: h, json: { role: "viewer" } })).status).toBe(200);
    const team = (await (await t.request("/api/v1/teams", { method: "POST", headers: h, json: { name: "Ops" } })).json()) as { id: string };
    expect((await t.request(`/api/v1/teams/${team.id}`, { method: "PUT", headers: h, json: { name: "Ops 2" } })).status).toBe(200);
    expect((await t.request(`/api/v1/teams/${team.id}`, { method: "DELETE", headers: h })).status).toBe(204);
    expect((await t.request(`/api/v1/members/${member.id}`, { method: "DELETE", headers: h })).status).toBeLessThan(300);

    const body = await feed(own.owner, "", own);
    expect(body.items.map((i) => i.type).reverse()).toEqual([
      "api_key.created",
      "api_key.revoked",
      "module.toggled",
      "permissions.updated",
      "member.role_changed",
      "team.created",
      "team.updated",
      "team.deleted",
      "member.removed",
    ]);
    expect(body.items.every((i) => i.actor_id === own.owner.id)).toBe(true);
    expect(body.items.find((i) => i.type === "member.role_changed")).toMatchObject({ metadata: { from: "member", to: "viewer" }, audience: [member.id] });
  });

  it("filters by types and categories, search, dates, users, scope and teams", async () => {
    expect((await feed(ada, "?types=record")).total).toBe(2);
    expect((await feed(ada, "?types=record.created,goal")).items.map((i) => i.type)).toEqual(["goal.created", "record.created"]);
    expect((await feed(ada, "?search=revenue")).items.map((i) => i.entity_name)).toEqual(["Grow revenue", "Quarterly Revenue"]);
    expect((await feed(ada, "?search=quart%20rev")).total).toBe(1);
    expect((await feed(ada, "?start_date=2026-01-02T00:00:00Z&end_date=2026-01-03T23:00:00Z")).total).toBe(2);
    expect((await feed(ada, `?user_ids=${bob.id}`)).items.map((i) => i.type)).toEqual(["goal.created", "record.updated"]);
    // Bob's own: what he did, what concerns him as a member, and what names him in its audience.
    expect((await feed(bob, "?scope=mine")).total).toBe(4);
    expect((await feed(ada, "?scope=mine")).total).toBe(2);

    const teamRes = await t.request("/api/v1/teams", { method: "POST", headers: t.as(ws.owner, ws), json: { name: "Bob's team" } });
    const team = (await teamRes.json()) as { id: string };
    const added = await t.request(`/api/v1/teams/${team.id}/members`, { method: "POST", headers: t.as(ws.owner, ws), json: { member_id: bob.id, role: "member" } });
    expect(added.status).toBeLessThan(300);
    expect((await feed(ada, `?team_ids=${team.id}&types=record,goal`)).items.map((i) => i.type)).toEqual(["goal.created", "record.updated"]);
  });

  it("pages with limit and offset", async () => {
    const page = await feed(ada, "?types=record,goal,member.role_changed,integration&limit=2&offset=2");
    expect(page.items.map((i) => i.type)).toEqual(["goal.created", "record.updated"]);
    expect(page.total).toBe(5);
  });
});

describe("getActivityFeed: error", () => {
  it.each([
    ["?limit=0"],
    ["?limit=101"],
    ["?offset=-1"],
    ["?scope=everyone"],
    ["?user_ids=not-a-uuid"],
    ["?types=Bad%20Type"],
    ["?start_date=yesterday"],
    ["?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"],
  ])("answers 422 problem+json for %s", async (query) => {
    const res = await t.request(`/api/v1/activity/feed${query}`, { headers: t.as(ada, ws) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("getActivityFeed: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, ws, "/api/v1/activity/feed");
  });

  it("answers 404 for a workspace the caller is not in, and never shows another workspace's activity", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/activity/feed", { headers: t.as(other.owner, ws) })).status).toBe(404);
    expect((await feed(other.owner, "", other)).total).toBe(0);
  });

  it.each(EVERY_ROLE_GETS_200)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(ws, role);
    expect((await t.request("/api/v1/activity/feed", { headers: t.as(user, ws) })).status).toBe(status);
  });

  it("answers 403 when the workspace withdrew can_view_activity from a role", async () => {
    const { workspace: own, user: viewer } = await memberWithoutActivityView(t, "viewer");
    expect((await t.request("/api/v1/activity/feed", { headers: t.as(viewer, own) })).status).toBe(403);
  });
});
