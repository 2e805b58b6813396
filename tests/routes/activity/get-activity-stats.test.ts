import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { EVERY_ROLE_GETS_200, expectUnauthenticated, memberWithoutActivityView, seedEvent } from "./activity-helpers.ts";

// GET /api/v1/activity/stats (getActivityStats)
let t: TestApp;
let ws: TestWorkspace;
let ada: TestUser;
let bob: TestUser;
type Stats = {
  days: number;
  since: string;
  total: number;
  by_type: Array<{ type: string; count: number }>;
  by_day: Array<{ date: string; count: number }>;
  top_actors: Array<{ user_id: string; name: string | null; count: number }>;
};

beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
  ada = await t.addMember(ws, "admin");
  bob = await t.addMember(ws, "viewer");
  await t.database.db.updateTable("users").set({ full_name: "Ada Lovelace" }).where("id", "=", ada.id).execute();
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
  await seedEvent(t, ws, { type: "record.created", actor: ada });
  await seedEvent(t, ws, { type: "record.created", actor: ada });
  await seedEvent(t, ws, { type: "goal.created", actor: bob, occurredAt: daysAgo(1) });
  await seedEvent(t, ws, { type: "record.created", actor: ada, occurredAt: daysAgo(2) });
  await seedEvent(t, ws, { type: "task.created", actor: null, occurredAt: daysAgo(3) });
  // Outside a 3-day window.
  await seedEvent(t, ws, { type: "record.deleted", actor: bob, occurredAt: daysAgo(40) });
});

describe("getActivityStats: happy", () => {
  it("counts per type, per day (zero-filled) and top actors over the window", async () => {
    const res = await t.request("/api/v1/activity/stats?days=3", { headers: t.as(ada, ws) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Stats;
    expect(body.days).toBe(3);
    expect(body.total).toBe(4);
    expect(body.by_type).toEqual([
      { type: "record.created", count: 3 },
      { type: "goal.created", count: 1 },
    ]);
    expect(body.by_day).toHaveLength(3);
    expect(body.by_day.map((d) => d.count)).toEqual([1, 1, 2]);
    expect(body.by_day.at(-1)!.date).toBe(new Date().toISOString().slice(0, 10));
    expect(body.top_actors).toEqual([
      { user_id: ada.id, name: "Ada Lovelace", count: 3 },
      { user_id: bob.id, name: "Test User", count: 1 },
    ]);
  });

  it("defaults to 30 days and includes older events", async () => {
    const body = (await (await t.request("/api/v1/activity/stats?top=1", { headers: t.as(bob, ws) })).json()) as Stats;
    expect(body.days).toBe(30);
    expect(body.by_day).toHaveLength(30);
    expect(body.total).toBe(5);
    expect(body.top_actors).toHaveLength(1);
  });
});

describe("getActivityStats: error", () => {
  it.each([["?days=0"], ["?days=366"], ["?days=abc"], ["?top=0"]])("answers 422 problem+json for %s", async (query) => {
    const res = await t.request(`/api/v1/activity/stats${query}`, { headers: t.as(ada, ws) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("getActivityStats: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, ws, "/api/v1/activity/stats");
  });

  it("answers 404 for a workspace the caller is not in, and counts only its own workspace", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/activity/stats", { headers: t.as(other.owner, ws) })).status).toBe(404);
    const own = (await (await t.request("/api/v1/activity/stats", { headers: t.as(other.owner, other) })).json()) as Stats;
    expect(own.total).toBe(0);
  });

  it.each(EVERY_ROLE_GETS_200)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(ws, role);
    expect((await t.request("/api/v1/activity/stats", { headers: t.as(user, ws) })).status).toBe(status);
  });

  it("answers 403 when the workspace withdrew can_view_activity from a role", async () => {
    const { workspace: own, user: member } = await memberWithoutActivityView(t, "member");
    expect((await t.request("/api/v1/activity/stats", { headers: t.as(member, own) })).status).toBe(403);
  });
});
