import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";

// DELETE /api/v1/members/me/tours (resetMyTours)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

async function withTours(user: TestUser): Promise<void> {
  for (const tour_id of ["a", "b"]) {
    await t.request("/api/v1/members/me/tours", { method: "POST", headers: t.as(user, workspace), json: { tour_id, status: "completed" } });
  }
}

describe("resetMyTours: happy", () => {
  it("resets one tour when tour_id is given", async () => {
    const member = await t.addMember(workspace, "member");
    await withTours(member);
    const res = await t.request("/api/v1/members/me/tours", { method: "DELETE", headers: t.as(member, workspace), json: { tour_id: "a" } });
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()).tours)).toEqual(["b"]);
  });

  it("resets every tour without a body", async () => {
    const member = await t.addMember(workspace, "member");
    await withTours(member);
    const res = await t.request("/api/v1/members/me/tours", { method: "DELETE", headers: t.as(member, workspace) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tours: {} });
  });

  it("works for a member who never recorded a tour", async () => {
    const member = await t.addMember(workspace, "viewer");
    const res = await t.request("/api/v1/members/me/tours", { method: "DELETE", headers: t.as(member, workspace), json: {} });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tours: {} });
  });
});

describe("resetMyTours: error", () => {
  it("answers 422 problem+json for a malformed tour_id", async () => {
    const res = await t.request("/api/v1/members/me/tours", {
      method: "DELETE",
      headers: t.as(workspace.owner, workspace),
      json: { tour_id: 42 },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("resetMyTours: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/members/me/tours", { method: "DELETE", headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/members/me/tours", { method: "DELETE", headers: t.as(other.owner, workspace) })).status).toBe(404);
  });
});
