import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../core/auth/actor.ts";
import { createApiKey } from "../../../core/api-keys/create-api-key.ts";
import { createTeam } from "../../../core/teams/create-team.ts";
import { actorOf, createTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// A use-case's event commits or rolls back with its change: when recording the event fails
// (here a subscriber throws), the change is not kept either.
let t: TestApp;
let ws: TestWorkspace;
let actor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.createWorkspace();
  actor = actorOf(ws);
  t.services.eventSubscribers.subscribe(
    "fails-on-doomed",
    async (event) => {
      if (event.entity.name?.startsWith("doomed")) throw new Error("subscriber failed");
    },
    { types: ["team.", "api_key."] },
  );
});
afterAll(async () => t.close());

describe("events in the write transaction", () => {
  it("a team whose event fails is not created", async () => {
    await expect(createTeam(t.services, actor, { name: "doomed team" })).rejects.toThrow("subscriber failed");
    const teams = await t.services.teams.list({ id: ws.id, schemaName: ws.schemaName }, { search: "doomed" });
    expect(teams).toEqual([]);
    const kept = await createTeam(t.services, actor, { name: "kept team" });
    expect(kept.name).toBe("kept team");
  });

  it("an API key whose event fails is not created (platform transaction)", async () => {
    await expect(createApiKey(t.services, actor, { name: "doomed key", scopes: [] })).rejects.toThrow("subscriber failed");
    const keys = await t.services.apiKeys.list(ws.id, { skip: 0, limit: 100 });
    expect(keys.items.map((k) => k.name)).not.toContain("doomed key");
  });
});
