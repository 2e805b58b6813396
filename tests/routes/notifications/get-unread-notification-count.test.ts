import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectMalformedWorkspaceHeader, itRejectsCallersOutsideTheWorkspace, recordEvent } from "./notification-fixtures.ts";

// GET /api/v1/notifications/unread-count (getUnreadNotificationCount)
let t: TestApp;
let workspace: TestWorkspace;
let member: TestUser;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  member = await t.addMember(workspace, "member");
  await recordEvent(t, workspace, { audience: [member] });
  await recordEvent(t, workspace, { audience: [member], type: "comment.mentioned" });
});

describe("getUnreadNotificationCount: happy", () => {
  it("counts the caller's unread notifications", async () => {
    const res = await t.request("/api/v1/notifications/unread-count", { headers: t.as(member, workspace) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: 2 });
  });
});

describe("getUnreadNotificationCount: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    await expectMalformedWorkspaceHeader(t, member, "/api/v1/notifications/unread-count");
  });
});

describe("getUnreadNotificationCount: security", () => {
  itRejectsCallersOutsideTheWorkspace(() => ({ t, workspace }), "/api/v1/notifications/unread-count");

  it.each(everyRole)("role %s counts only its own", async (role) => {
    const user = await t.addMember(workspace, role);
    const res = await t.request("/api/v1/notifications/unread-count", { headers: t.as(user, workspace) });
    expect(await res.json()).toEqual({ count: 0 });
  });
});
