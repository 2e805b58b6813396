import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectMalformedWorkspaceHeader, itRejectsCallersOutsideTheWorkspace } from "./notification-fixtures.ts";

// GET /api/v1/notifications/defaults (getDefaultNotificationPreferences)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getDefaultNotificationPreferences: happy", () => {
  it("groups every event type by category with its recommended channels", async () => {
    const res = await t.request("/api/v1/notifications/defaults", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.categories["Team & members"]["member.added"]).toMatchObject({ inapp_enabled: true, email_enabled: false, whatsapp_enabled: false, label: "Member added" });
    expect(body.categories.Work["task.assigned"].email_enabled).toBe(true);
    const types = Object.values(body.categories).flatMap((c) => Object.keys(c as object));
    for (const type of ["member.removed", "member.role_changed", "invitation.sent", "invitation.accepted", "api_key.revoked", "module.toggled", "permissions.updated", "comment.mentioned", "record.assigned", "import.completed", "export.completed"]) {
      expect(types).toContain(type);
    }
    expect(Object.keys(body.email_delivery_modes)).toEqual(["instant", "digest"]);
  });
});

describe("getDefaultNotificationPreferences: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    await expectMalformedWorkspaceHeader(t, workspace.owner, "/api/v1/notifications/defaults");
  });
});

describe("getDefaultNotificationPreferences: security", () => {
  itRejectsCallersOutsideTheWorkspace(() => ({ t, workspace }), "/api/v1/notifications/defaults");

  it.each(everyRole)("role %s may read the defaults", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/notifications/defaults", { headers: t.as(user, workspace) })).status).toBe(200);
  });
});
