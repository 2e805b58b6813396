import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// GET /api/v1/members/me/tours (getMyTourStatus)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getMyTourStatus: happy", () => {
  it("is empty at first, then shows recorded tours, per workspace", async () => {
    const viewer = await t.addMember(workspace, "viewer");
    const empty = await t.request("/api/v1/members/me/tours", { headers: t.as(viewer, workspace) });
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ tours: {} });
    await t.request("/api/v1/members/me/tours", {
      method: "POST",
      headers: t.as(viewer, workspace),
      json: { tour_id: "map-intro", status: "skipped" },
    });
    const after = await (await t.request("/api/v1/members/me/tours", { headers: t.as(viewer, workspace) })).json();
    expect(after.tours["map-intro"]).toMatchObject({ status: "skipped" });
    const elsewhere = await t.createWorkspace();
    await t.addMember(elsewhere, "member", viewer);
    expect(await (await t.request("/api/v1/members/me/tours", { headers: t.as(viewer, elsewhere) })).json()).toEqual({ tours: {} });
  });
});

describe("getMyTourStatus: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    const res = await t.request("/api/v1/members/me/tours", { headers: { ...t.as(workspace.owner), "x-workspace-id": "x" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("getMyTourStatus: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/members/me/tours", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/members/me/tours", { headers: t.as(other.owner, workspace) })).status).toBe(404);
  });
});
