import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// POST /api/v1/members/me/tours (updateMyTourStatus)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const post = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/members/me/tours", { method: "POST", headers, json });

describe("updateMyTourStatus: happy", () => {
  it("records tours one by one and returns the whole map", async () => {
    const member = await t.addMember(workspace, "member");
    const first = await post(t.as(member, workspace), { tour_id: "dashboard-intro", status: "completed" });
    expect(first.status).toBe(200);
    expect((await first.json()).tours["dashboard-intro"]).toMatchObject({ status: "completed", updated_at: expect.any(String) });
    const second = await (await post(t.as(member, workspace), { tour_id: "records", status: "skipped" })).json();
    expect(Object.keys(second.tours).sort()).toEqual(["dashboard-intro", "records"]);
    const again = await (await post(t.as(member, workspace), { tour_id: "records", status: "completed" })).json();
    expect(again.tours.records.status).toBe("completed");
  });
});

describe("updateMyTourStatus: error", () => {
  it.each([
    [{ tour_id: "x", status: "done" }],
    [{ status: "completed" }],
    [{ tour_id: "", status: "completed" }],
    [{ tour_id: "has spaces", status: "completed" }],
  ])("answers 422 problem+json for %j", async (json) => {
    const res = await post(t.as(workspace.owner, workspace), json);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("updateMyTourStatus: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await post({ "x-workspace-id": workspace.id }, { tour_id: "a", status: "completed" })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await post(t.as(other.owner, workspace), { tour_id: "a", status: "completed" })).status).toBe(404);
  });

  it("a viewer may record their own tours (no write permission needed)", async () => {
    const viewer = await t.addMember(workspace, "viewer");
    expect((await post(t.as(viewer, workspace), { tour_id: "a", status: "completed" })).status).toBe(200);
  });
});
