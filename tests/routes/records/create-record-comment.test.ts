import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// POST /api/v1/records/{record_id}/comments (createRecordComment)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const comment = (id: string, json: unknown, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/records/${id}/comments`, { method: "POST", headers, json });

describe("createRecordComment: happy", () => {
  it("adds a comment with its author and records a record.commented event", async () => {
    const res = await comment(f.record.id, { content: "  Called them.  " });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ record_id: f.record.id, content: "Called them.", author: { id: f.ws.owner.id, email: f.ws.owner.email } });
    const feed = await (await t.request("/api/v1/activity/feed?limit=50", { headers: t.as(f.ws.owner, f.ws) })).text();
    expect(feed).toContain("record.commented");
  });

  it("lets a member with can_view comment", async () => {
    const user = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    expect((await comment(f.record.id, { content: "me too" }, t.as(user, f.ws))).status).toBe(201);
  });
});

describe("createRecordComment: error", () => {
  it("answers 422 for empty or too long content, 404 for an unknown record", async () => {
    await expectProblem(await comment(f.record.id, { content: "   " }), 422);
    await expectProblem(await comment(f.record.id, { content: "x".repeat(10_001) }), 422);
    await expectProblem(await comment(f.record.id, {}), 422);
    await expectProblem(await comment(unknownId, { content: "hi" }), 404);
  });
});

describe("createRecordComment: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await comment(f.record.id, { content: "hi" }, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await comment(other.record.id, { content: "hi" }), 404);
  });

  it("answers 403 without a grant, and to a workspace viewer", async () => {
    const none = await memberWith(t, f.ws, f.recordset, []);
    await expectProblem(await comment(f.record.id, { content: "hi" }, t.as(none, f.ws)), 403);
    const viewer = await memberWith(t, f.ws, f.recordset, ["can_view"], "viewer");
    await expectProblem(await comment(f.record.id, { content: "hi" }, t.as(viewer, f.ws)), 403);
  });
});
