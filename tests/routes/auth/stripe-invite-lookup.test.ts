import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem } from "./account-test-helpers.ts";
import { seedInvite, uniqueEmail } from "./signup-test-helpers.ts";

// POST /api/v1/auth/lookup-payment-invite (lookupPaymentInvite)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const lookup = (json: unknown) => t.request("/api/v1/auth/lookup-payment-invite", { method: "POST", json });

describe("lookupPaymentInvite: happy", () => {
  it("finds the invite by email and access code, ignoring case and separators", async () => {
    const { invite, accessCode } = await seedInvite(t);
    const typed = `${accessCode.slice(0, 5).toLowerCase()}-${accessCode.slice(5)}`;
    const res = await lookup({ email: invite.email.toUpperCase(), access_code: typed });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: invite.id, email: invite.email, status: "pending" });
  });

  it("picks the invite whose code matches among several for the same email", async () => {
    const email = uniqueEmail();
    const first = await seedInvite(t, { email });
    await seedInvite(t, { email });
    const res = await lookup({ email, access_code: first.accessCode });
    expect((await res.json()).id).toBe(first.invite.id);
  });
});

describe("lookupPaymentInvite: error", () => {
  it.each([
    ["missing access code", { email: "a@example.test" }],
    ["bad email", { email: "nope", access_code: "ABCDEFGH" }],
  ])("answers 422 for %s", async (_label, json) => {
    await expectProblem(await lookup(json), 422);
  });
});

describe("lookupPaymentInvite: security", () => {
  it("answers the same 404 for an unknown email and for a wrong access code", async () => {
    const { invite } = await seedInvite(t);
    const wrong = await expectProblem(await lookup({ email: invite.email, access_code: "WRONGCODE1" }), 404, "not_found");
    const unknown = await expectProblem(await lookup({ email: uniqueEmail(), access_code: "WRONGCODE1" }), 404, "not_found");
    expect(wrong.detail).toBe(unknown.detail);
  });
});
