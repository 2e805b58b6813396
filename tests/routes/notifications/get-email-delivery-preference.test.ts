import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectMalformedWorkspaceHeader, itRejectsCallersOutsideTheWorkspace } from "./notification-fixtures.ts";

// GET /api/v1/notifications/email-delivery (getEmailDeliveryPreference)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

describe("getEmailDeliveryPreference: happy", () => {
  it("is instant by default and reflects a saved digest mode", async () => {
    const res = await t.request("/api/v1/notifications/email-delivery", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ email_delivery_mode: "instant", digest_frequency_minutes: "30" });
    await t.request("/api/v1/notifications/email-delivery", { method: "PUT", headers: t.as(workspace.owner, workspace), json: { email_delivery_mode: "digest", digest_frequency_minutes: "60" } });
    const after = await t.request("/api/v1/notifications/email-delivery", { headers: t.as(workspace.owner, workspace) });
    expect(await after.json()).toEqual({ email_delivery_mode: "digest", digest_frequency_minutes: "60" });
  });
});

describe("getEmailDeliveryPreference: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    await expectMalformedWorkspaceHeader(t, workspace.owner, "/api/v1/notifications/email-delivery");
  });
});

describe("getEmailDeliveryPreference: security", () => {
  itRejectsCallersOutsideTheWorkspace(() => ({ t, workspace }), "/api/v1/notifications/email-delivery");

  it.each(everyRole)("role %s reads its own mode", async (role) => {
    const user = await t.addMember(workspace, role);
    expect(await (await t.request("/api/v1/notifications/email-delivery", { headers: t.as(user, workspace) })).json()).toEqual({ email_delivery_mode: "instant", digest_frequency_minutes: "30" });
  });
});
