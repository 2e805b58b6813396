import type { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJsonLogger } from "../../../adapters/logging/json-logger.ts";
import { openServices } from "../../../app/composition/open-services.ts";
import type { Services } from "../../../app/composition/services.ts";
import type { AppEnv } from "../../../app/context.ts";
import { createApp } from "../../../app/create-app.ts";
import { registerRoutes } from "../../../app/routes/register-routes.ts";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { recordEvent } from "./notification-fixtures.ts";
import { sseClient } from "./sse-client.ts";

// GET /api/v1/notifications/stream (streamNotifications)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
});

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Opens a stream and waits until its subscriptions are live. */
async function connect(app: TestApp, user: TestUser, headers: Record<string, string> = {}) {
  const before = app.services.liveSubscriptions.listenerCount;
  const res = await app.request("/api/v1/notifications/stream", { headers: { authorization: `Bearer ${user.accessToken}`, ...headers } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  const client = sseClient(res);
  await waitFor(() => app.services.liveSubscriptions.listenerCount > before);
  await new Promise((r) => setTimeout(r, 20));
  return client;
}

describe("streamNotifications: happy", () => {
  it("delivers each notification to every connected client of the user, with an id", async () => {
    const a = await connect(t, member);
    const b = await connect(t, member);
    await recordEvent(t, workspace, { audience: [member], name: "Live one" });
    const [ea, eb] = await Promise.all([a.next((e) => e.event === "notification"), b.next((e) => e.event === "notification")]);
    expect(ea.data).toMatchObject({ title: "Task assigned: Live one", workspace_id: workspace.id, is_read: false });
    expect(ea.id).toBe((ea.data as { id: string }).id);
    expect(eb.id).toBe(ea.id);
    await Promise.all([a.close(), b.close()]);
  });

  it("sends workspace_event members_updated for member.* events of any of the user's workspaces", async () => {
    const second = await t.createWorkspace();
    await t.addMember(second, "viewer", member);
    const client = await connect(t, member);
    await recordEvent(t, second, { type: "member.added", name: "Ada" });
    const event = await client.next((e) => e.event === "workspace_event");
    expect(event.data).toMatchObject({ event_type: "members_updated", workspace_id: second.id, source_event: "member.added" });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    await client.close();
  });

  it("replays what a reconnecting client missed after its Last-Event-ID", async () => {
    const client = await connect(t, member);
    await recordEvent(t, workspace, { audience: [member], name: "Seen" });
    const seen = await client.next((e) => e.event === "notification");
    await client.close();
    await waitFor(() => t.services.liveSubscriptions.listenerCount === 0);
    await recordEvent(t, workspace, { audience: [member], name: "Missed 1" });
    await recordEvent(t, workspace, { type: "member.removed", name: "Bob" });
    await recordEvent(t, workspace, { audience: [member], name: "Missed 2" });
    const again = await connect(t, member, { "last-event-id": seen.id! });
    const first = await again.next();
    const second = await again.next();
    const third = await again.next();
    expect([first, second, third].map((e) => (e.event === "notification" ? (e.data as { title: string }).title : (e.data as { event_type: string }).event_type))).toEqual([
      "Task assigned: Missed 1",
      "members_updated",
      "Task assigned: Missed 2",
    ]);
    await recordEvent(t, workspace, { audience: [member], name: "Live after replay" });
    expect(((await again.next()).data as { title: string }).title).toBe("Task assigned: Live after replay");
    expect(again.received.filter((e) => (e.data as { title?: string }).title === "Task assigned: Seen")).toHaveLength(0);
    await again.close();
  });

  it("delivers a batch (recordMany) as one SSE event per notification, live and on replay", async () => {
    const client = await connect(t, member);
    await recordEvent(t, workspace, { audience: [member], name: "Before batch" });
    const marker = await client.next((e) => e.event === "notification");
    const base = { workspaceId: workspace.id, actorId: workspace.owner.id, metadata: {}, type: "task.assigned", audience: [member.id] };
    await t.services.events.recordMany([1, 2, 3].map((n) => ({ ...base, entity: { type: "task", id: `batch-${n}`, name: `Batch ${n}` } })));
    const titles = async (c: typeof client) => [await c.next(), await c.next(), await c.next()].map((e) => (e.data as { title: string }).title);
    expect(await titles(client)).toEqual(["Task assigned: Batch 1", "Task assigned: Batch 2", "Task assigned: Batch 3"]);
    await client.close();
    const again = await connect(t, member, { "last-event-id": marker.id! });
    expect(await titles(again)).toEqual(["Task assigned: Batch 1", "Task assigned: Batch 2", "Task assigned: Batch 3"]);
    await again.close();
  });

  it("shares one pub/sub subscription per channel among connections and leaves when the last goes", async () => {
    const user = await t.createUser();
    const ws = await t.createWorkspace({ owner: user });
    void ws;
    const baseChannels = t.services.liveSubscriptions.channelCount;
    const clients = [];
    for (let i = 0; i < 5; i++) clients.push(await connect(t, user));
    // One user channel plus one workspace channel, however many connections.
    expect(t.services.liveSubscriptions.channelCount).toBe(baseChannels + 2);
    await Promise.all(clients.map((c) => c.close()));
    await waitFor(() => t.services.liveSubscriptions.channelCount === baseChannels);
  });
});

describe("streamNotifications: error", () => {
  it("answers 401 problem+json for a malformed token", async () => {
    const res = await t.request("/api/v1/notifications/stream", { headers: { authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("streamNotifications: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/notifications/stream")).status).toBe(401);
  });

  it("never delivers another user's notifications or another workspace's events", async () => {
    const outsider = await t.createWorkspace();
    const client = await connect(t, outsider.owner);
    await recordEvent(t, workspace, { audience: [member], name: "Private" });
    await recordEvent(t, workspace, { type: "member.added", name: "Someone" });
    await recordEvent(t, outsider, { audience: [outsider.owner], actor: null, name: "Mine" });
    const mine = await client.next();
    expect((mine.data as { title: string }).title).toBe("Task assigned: Mine");
    expect(client.received).toHaveLength(1);
    await client.close();
  });
});

describe.skipIf(!process.env.REDIS_URL)("streamNotifications: across replicas (REDIS_URL)", () => {
  let replica: { app: OpenAPIHono<AppEnv>; services: Services } | undefined;
  afterAll(async () => replica?.services.close());

  it("delivers and replays events recorded on one instance to a client of another sharing Redis and the database", async () => {
    // A second process: its own services (own Redis connections, own subscriptions) over the same database and key prefix.
    const services = await openServices(t.services.config, { database: t.database, migrate: false, logger: createJsonLogger("silent") });
    replica = { app: createApp(services, registerRoutes), services };
    const viaReplica: TestApp = { ...t, app: replica.app, services, request: async (path, init) => replica!.app.request(path, init) };
    const client = await connect(viaReplica, member);
    await recordEvent(t, workspace, { audience: [member], name: "From A" });
    const event = await client.next((e) => e.event === "notification");
    expect((event.data as { title: string }).title).toBe("Task assigned: From A");
    await client.close();
    await recordEvent(t, workspace, { audience: [member], name: "Missed on B" });
    const again = await connect(viaReplica, member, { "last-event-id": event.id! });
    expect(((await again.next()).data as { title: string }).title).toBe("Task assigned: Missed on B");
    await again.close();
  });
});
