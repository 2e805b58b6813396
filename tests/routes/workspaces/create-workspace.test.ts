import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser } from "../../support/test-app.ts";
import { expectProblem } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces (createWorkspace)
let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  user = await t.createUser();
});

describe("createWorkspace: happy", () => {
  it("creates a workspace the caller owns, with its own schema and no sample data", async () => {
    const res = await t.request("/api/v1/workspaces?skip_seed=true", {
      method: "POST",
      headers: t.as(user),
      json: { name: "Fresh Start", settings: { timezone: "Europe/Paris" } },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ name: "Fresh Start", role: "owner", owner_id: user.id, status: "active", settings: { timezone: "Europe/Paris" } });
    const row = await t.database.db.selectFrom("workspaces").select(["schema_name"]).where("id", "=", body.id).executeTakeFirstOrThrow();
    const { tenantDatabase } = await import("../../../adapters/postgres/tenant-database.ts");
    const members = await tenantDatabase(t.database, row.schema_name).transaction((trx) =>
      trx.selectFrom("members").select("user_id").execute(),
    );
    expect(members.map((m) => m.user_id)).toEqual([user.id]);
    // The new workspace is usable at once.
    const list = await (await t.request("/api/v1/workspaces", { headers: t.as(user) })).json();
    expect(list.items.map((w: { id: string }) => w.id)).toContain(body.id);
    const inside = await t.request(`/api/v1/workspaces/${body.id}/members`, { headers: t.as(user) });
    expect(inside.status).toBe(200);
  });
});

describe("createWorkspace: error", () => {
  it("answers 422 for a missing or blank name", async () => {
    expectProblem(await t.request("/api/v1/workspaces", { method: "POST", headers: t.as(user), json: {} }), 422);
    expectProblem(await t.request("/api/v1/workspaces", { method: "POST", headers: t.as(user), json: { name: "  " } }), 422);
  });
});

describe("createWorkspace: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await t.request("/api/v1/workspaces", { method: "POST", json: { name: "Nope" } }), 401);
  });

  it("gives other users no access to the new workspace", async () => {
    const res = await t.request("/api/v1/workspaces", { method: "POST", headers: t.as(user), json: { name: "Private" } });
    const { id } = await res.json();
    const stranger = await t.createUser();
    expectProblem(await t.request(`/api/v1/workspaces/${id}`, { headers: t.as(stranger) }), 404);
  });
});
