import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem } from "./workspace-test-helpers.ts";

// GET /api/v1/workspaces (listWorkspaces)
let t: TestApp;
let user: TestUser;
let own: TestWorkspace;
let joined: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  user = await t.createUser();
  own = await t.createWorkspace({ owner: user });
  joined = await t.createWorkspace();
  await t.addMember(joined, "viewer", user);
  await t.createWorkspace(); // someone else's
});

describe("listWorkspaces: happy", () => {
  it("lists the caller's workspaces with their role, in the {items,total,page,page_size} envelope", async () => {
    const res = await t.request("/api/v1/workspaces", { headers: t.as(user) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.page).toBe(1);
    expect(body.page_size).toBe(20);
    const byId = new Map(body.items.map((w: { id: string }) => [w.id, w]));
    expect(byId.get(own.id)).toMatchObject({ id: own.id, role: "owner", status: "active" });
    expect(byId.get(joined.id)).toMatchObject({ role: "viewer" });
    expect(typeof body.items[0].name).toBe("string");
  });

  it("pages and searches by name", async () => {
    await t.database.db.updateTable("workspaces").set({ name: "Zebra Holdings" }).where("id", "=", joined.id).execute();
    const page = await (await t.request("/api/v1/workspaces?page=2&page_size=1", { headers: t.as(user) })).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(2);
    const found = await (await t.request("/api/v1/workspaces?search=zebra", { headers: t.as(user) })).json();
    expect(found.items.map((w: { id: string }) => w.id)).toEqual([joined.id]);
  });
});

describe("listWorkspaces: error", () => {
  it("answers 422 problem+json for a bad page size", async () => {
    expectProblem(await t.request("/api/v1/workspaces?page_size=1000", { headers: t.as(user) }), 422);
  });
});

describe("listWorkspaces: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await t.request("/api/v1/workspaces"), 401);
  });

  it("never lists workspaces the caller left or is not in", async () => {
    const other = await t.createUser();
    const res = await t.request("/api/v1/workspaces", { headers: t.as(other) });
    expect(await res.json()).toMatchObject({ items: [], total: 0 });
  });
});
