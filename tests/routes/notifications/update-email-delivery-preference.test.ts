import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { everyRole, expectUnauthenticated } from "./notification-fixtures.ts";

// PUT /api/v1/notifications/email-delivery (updateEmailDeliveryPreference)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const put = (user: TestUser, json: unknown, ws = workspace) =>
  t.request("/api/v1/notifications/email-delivery", { method: "PUT", headers: t.as(user, ws), json });

describe("updateEmailDeliveryPreference: happy", () => {
  it("switches to digest every 60 minutes, then back to instant keeping the frequency", async () => {
    const res = await put(workspace.owner, { email_delivery_mode: "digest", digest_frequency_minutes: 60 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ email_delivery_mode: "digest", digest_frequency_minutes: "60" });
    expect(await (await put(workspace.owner, { email_delivery_mode: "instant" })).json()).toEqual({ email_delivery_mode: "instant", digest_frequency_minutes: "60" });
  });
});

describe("updateEmailDeliveryPreference: error", () => {
  it.each([[{ email_delivery_mode: "weekly" }], [{ email_delivery_mode: "digest", digest_frequency_minutes: "15" }], [{}]])(
    "answers 422 problem+json for %j",
    async (json) => {
      const res = await put(workspace.owner, json);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    },
  );
});

describe("updateEmailDeliveryPreference: security", () => {
  it("answers 401 without credentials", async () => {
    await expectUnauthenticated(t, workspace, "/api/v1/notifications/email-delivery", { method: "PUT", json: { email_delivery_mode: "digest" } });
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await put(other.owner, { email_delivery_mode: "digest" })).status).toBe(404);
  });

  it.each(everyRole)("role %s sets only its own mode", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await put(user, { email_delivery_mode: "digest", digest_frequency_minutes: "30" })).status).toBe(200);
    const owner = await (await t.request("/api/v1/notifications/email-delivery", { headers: t.as(workspace.owner, workspace) })).json();
    expect(owner.digest_frequency_minutes).toBe("60");
  });
});
