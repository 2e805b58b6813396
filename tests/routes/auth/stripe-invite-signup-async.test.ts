import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, GOOD_PASSWORD } from "./account-test-helpers.ts";
import { seedInvite, userByEmail } from "./signup-test-helpers.ts";

// POST /api/v1/auth/signup/stripe-invite/async (signupWithStripeInviteAsync)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const start = (json: unknown) => t.request("/api/v1/auth/signup/stripe-invite/async", { method: "POST", json });

describe("signupWithStripeInviteAsync: happy", () => {
  it("claims the invite, creates the user and queues provisioning; the job holds no secrets", async () => {
    const { invite, inviteCode } = await seedInvite(t);
    const res = await start({ invite_code: inviteCode, email: invite.email, name: "Ada", password: GOOD_PASSWORD });
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out).toEqual({ job_id: expect.any(String), stream_url: `/api/v1/auth/signup/jobs/${out.job_id}/stream` });

    const job = await t.services.jobs.get(out.job_id);
    expect(job).toMatchObject({ type: "auth.signup-invite", status: expect.stringMatching(/queued|running|succeeded/), workspaceId: null });
    const stored = JSON.stringify(job);
    expect(stored).not.toContain(inviteCode);
    expect(stored).not.toContain(GOOD_PASSWORD);
    const row = await t.database.db.selectFrom("stripe_payment_invites").selectAll().where("id", "=", invite.id).executeTakeFirstOrThrow();
    expect(row.used_at).not.toBeNull();
    expect(row.signup_job_id).toBe(out.job_id);
    expect(await userByEmail(t, invite.email)).toBeDefined();
  });
});

describe("signupWithStripeInviteAsync: error", () => {
  it("answers 409 at once for a used invite, and 422 for bad input", async () => {
    const { invite, inviteCode } = await seedInvite(t);
    const json = { invite_code: inviteCode, email: invite.email, name: "Ada", password: GOOD_PASSWORD };
    expect((await start(json)).status).toBe(200);
    await expectProblem(await start(json), 409);
    await expectProblem(await start({ invite_code: inviteCode }), 422);
  });
});

describe("signupWithStripeInviteAsync: security", () => {
  it("answers 404 for an unknown invite code and queues nothing", async () => {
    const before = await t.services.jobs.list({ type: "auth.signup-invite" });
    await expectProblem(await start({ invite_code: "inv_unknown0000000000000000", email: "a@example.test", name: "A", password: GOOD_PASSWORD }), 404);
    expect((await t.services.jobs.list({ type: "auth.signup-invite" })).total).toBe(before.total);
  });
});
