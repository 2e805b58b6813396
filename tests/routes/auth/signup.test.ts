import { beforeAll, describe, expect, it } from "vitest";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, GOOD_PASSWORD } from "./account-test-helpers.ts";
import { schemaExists, uniqueEmail, userByEmail } from "./signup-test-helpers.ts";

// POST /api/v1/auth/signup (signup)
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

const signup = (json: unknown) => t.request("/api/v1/auth/signup", { method: "POST", json });
const body = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail(),
  password: GOOD_PASSWORD,
  name: "Ada Lovelace",
  company_name: "Analytical Engines",
  ...overrides,
});

describe("signup: happy", () => {
  it("creates the user, a provisioned workspace with the owner, the plan, and a working session", async () => {
    const input = body();
    const res = await signup(input);
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out).toMatchObject({
      token_type: "bearer",
      user: { email: input.email, full_name: "Ada Lovelace" },
      workspace: { name: "Analytical Engines", plan: "pro" },
      billing: { provider: "local", status: "active", plan: "pro", checkout_url: null },
    });
    expect(out.workspace.slug).toMatch(/^analytical-engines(-[0-9a-f]{6})?$/);

    const ws = await t.database.db.selectFrom("workspaces").selectAll().where("id", "=", out.workspace.id).executeTakeFirstOrThrow();
    expect(ws).toMatchObject({ owner_id: out.user.id, status: "active", billing_provider: "local", billing_status: "active" });
    expect(await schemaExists(t, ws.schema_name)).toBe(true);
    const member = await t.database.db
      .selectFrom("workspace_members")
      .select("role")
      .where("workspace_id", "=", ws.id)
      .where("user_id", "=", out.user.id)
      .executeTakeFirstOrThrow();
    expect(member.role).toBe("owner");
    const settings = await tenantDatabase(t.database, ws.schema_name).transaction((trx) =>
      trx.selectFrom("settings").select(["key", "value"]).where("key", "=", "workspace.name").execute(),
    );
    expect(settings).toEqual([{ key: "workspace.name", value: "Analytical Engines" }]);

    const login = await t.request("/api/v1/auth/login", { method: "POST", json: { email: input.email, password: GOOD_PASSWORD } });
    expect(login.status).toBe(200);
    const inWorkspace = await t.request(`/api/v1/api-keys/count`, {
      headers: { authorization: `Bearer ${out.access_token}`, "x-workspace-id": ws.id },
    });
    expect(inWorkspace.status).toBe(200);
  });

  it("gives two workspaces with the same company name different slugs", async () => {
    const a = await (await signup(body({ company_name: "Same Name Co" }))).json();
    const b = await (await signup(body({ company_name: "Same Name Co" }))).json();
    expect(a.workspace.slug).not.toBe(b.workspace.slug);
  });
});

describe("signup: error", () => {
  it("answers 409 for an email that already has an account, whatever its case", async () => {
    const input = body();
    expect((await signup(input)).status).toBe(201);
    await expectProblem(await signup(body({ email: input.email.toUpperCase() })), 409, "conflict");
  });

  it("answers 422 for a weak password and creates nothing", async () => {
    const input = body({ password: "short" });
    const res = await expectProblem(await signup(input), 422);
    expect(JSON.stringify(res.errors)).toMatch(/password/);
    expect(await userByEmail(t, input.email)).toBeUndefined();
  });

  it.each([
    ["missing company", { company_name: undefined }],
    ["bad email", { email: "not-an-email" }],
    ["blank name", { name: "   " }],
  ])("answers 422 for %s", async (_label, overrides) => {
    await expectProblem(await signup(body(overrides)), 422);
  });

  it("answers 422 for an unknown plan and leaves no user, workspace or schema behind", async () => {
    const input = body({ plan: "platinum" });
    await expectProblem(await signup(input), 422);
    expect(await userByEmail(t, input.email)).toBeUndefined();
    const leftovers = await t.database.db.selectFrom("workspaces").select("id").where("name", "=", input.company_name).where("plan", "=", "platinum").execute();
    expect(leftovers).toEqual([]);
  });
});

describe("signup: security", () => {
  it("needs no credentials, but ignores a bearer token (the new account is its own)", async () => {
    const other = await t.createUser();
    const input = body();
    const res = await t.request("/api/v1/auth/signup", { method: "POST", json: input, headers: t.as(other) });
    expect(res.status).toBe(201);
    expect((await res.json()).user.id).not.toBe(other.id);
  });

  it("never returns the password or its hash", async () => {
    const res = await signup(body());
    const text = await res.text();
    expect(text).not.toContain(GOOD_PASSWORD);
    expect(text).not.toMatch(/argon2/);
  });
});
