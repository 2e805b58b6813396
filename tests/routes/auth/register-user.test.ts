import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, GOOD_PASSWORD } from "./account-test-helpers.ts";

// POST /api/v1/auth/register (registerUser)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const freshEmail = (): string => `Reg-${newId()}@Example.test`;

describe("registerUser: happy", () => {
  it("creates the user (201), stores an Argon2id hash, and the user can sign in", async () => {
    const email = freshEmail();
    const res = await t.request("/api/v1/auth/register", {
      method: "POST",
      json: { email, password: GOOD_PASSWORD, full_name: "  Ada Lovelace " },
    });
    expect(res.status).toBe(201);
    const user = await res.json();
    expect(user).toMatchObject({ email: email.toLowerCase(), full_name: "Ada Lovelace", is_activated: true, email_verified: false });
    expect(user).not.toHaveProperty("password_hash");
    const row = await t.database.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const login = await t.request("/api/v1/auth/login", { method: "POST", json: { email, password: GOOD_PASSWORD } });
    expect(login.status).toBe(200);
  });
});

describe("registerUser: error", () => {
  it("answers 409 for an email already in use, whatever its case", async () => {
    const email = freshEmail();
    await t.request("/api/v1/auth/register", { method: "POST", json: { email, password: GOOD_PASSWORD, full_name: "A" } });
    const again = await t.request("/api/v1/auth/register", {
      method: "POST",
      json: { email: email.toUpperCase(), password: GOOD_PASSWORD, full_name: "B" },
    });
    await expectProblem(again, 409, "conflict");
  });

  it.each([
    ["a short password", { password: "short" }, "json.password"],
    ["a password over 256 characters", { password: "x".repeat(257) }, "json.password"],
    ["a malformed email", { email: "not-an-email" }, "json.email"],
    ["a missing name", { full_name: undefined }, "json.full_name"],
  ])("answers 422 naming the field for %s", async (_label, override, field) => {
    const res = await t.request("/api/v1/auth/register", {
      method: "POST",
      json: { email: freshEmail(), password: GOOD_PASSWORD, full_name: "Ada", ...override },
    });
    const body = await expectProblem(res, 422);
    expect((body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  });
});

describe("registerUser: security", () => {
  it("is public, and never returns the password or its hash", async () => {
    const res = await t.request("/api/v1/auth/register", {
      method: "POST",
      json: { email: freshEmail(), password: GOOD_PASSWORD, full_name: "Ada" },
    });
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain(GOOD_PASSWORD);
    expect(text).not.toContain("argon2");
  });
});
