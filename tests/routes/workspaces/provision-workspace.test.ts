import { beforeAll, describe, expect, it } from "vitest";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { newId } from "../../../core/ids.ts";
import { sharedTestApp, type TestApp, type TestUser } from "../../support/test-app.ts";
import { expectProblem, latestMailTo } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/provision (provisionWorkspace)
let t: TestApp;
let staff: TestUser;
const provision = (headers: Record<string, string>, json: unknown) =>
  t.request("/api/v1/workspaces/provision", { method: "POST", headers, json });
beforeAll(async () => {
  t = await sharedTestApp();
  staff = await t.createUser({ isStaff: true });
});

async function tenantMembers(workspaceId: string): Promise<string[]> {
  const row = await t.database.db.selectFrom("workspaces").select("schema_name").where("id", "=", workspaceId).executeTakeFirstOrThrow();
  const rows = await tenantDatabase(t.database, row.schema_name).transaction((trx) => trx.selectFrom("members").select("user_id").execute());
  return rows.map((r) => r.user_id);
}

describe("provisionWorkspace: happy", () => {
  it("creates the owner without a password and emails an activation link", async () => {
    const email = `owner-${newId()}@example.test`;
    const res = await provision(t.as(staff), { workspace_name: "Client Co", owner_email: email, owner_name: "Client Owner" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      workspace: { name: "Client Co", status: "active" },
      owner: { email, full_name: "Client Owner", is_activated: false },
      owner_created: true,
      activation_email_sent: true,
    });
    expect(body.workspace.owner_id).toBe(body.owner.id);
    const membership = await t.database.db
      .selectFrom("workspace_members")
      .select(["role", "status"])
      .where("workspace_id", "=", body.workspace.id)
      .where("user_id", "=", body.owner.id)
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({ role: "owner", status: "active" });
    expect(await tenantMembers(body.workspace.id)).toEqual([body.owner.id]);
    expect((await latestMailTo(t, email))!.text).toContain("/activate?token=");
  });

  it("makes an existing user with a password the owner, without an activation email", async () => {
    const existing = await t.createUser();
    await t.database.db.updateTable("users").set({ password_hash: await t.services.passwordHasher.hash("password 1234") }).where("id", "=", existing.id).execute();
    const res = await provision(t.as(staff), { workspace_name: "Existing Co", owner_email: existing.email.toUpperCase() });
    const body = await res.json();
    expect(body).toMatchObject({ owner: { id: existing.id, is_activated: true }, owner_created: false, activation_email_sent: false });
    const mine = await (await t.request("/api/v1/workspaces", { headers: t.as(existing) })).json();
    expect(mine.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: body.workspace.id, role: "owner" })]));
    // The staff member who provisioned it is not a member.
    expectProblem(await t.request(`/api/v1/workspaces/${body.workspace.id}`, { headers: t.as(staff) }), 404);
  });
});

describe("provisionWorkspace: error", () => {
  it("answers 422 for a missing name or a malformed email", async () => {
    expectProblem(await provision(t.as(staff), { owner_email: "a@example.test" }), 422);
    expectProblem(await provision(t.as(staff), { workspace_name: "X", owner_email: "not-an-email" }), 422);
  });

  it("answers 422 for an unknown plan and removes the owner it created", async () => {
    const email = `rollback-${newId()}@example.test`;
    const res = await provision(t.as(staff), { workspace_name: "Bad Plan", owner_email: email, plan: "no-such-plan" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const user = await t.database.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    expect(user).toBeUndefined();
  });
});

describe("provisionWorkspace: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await provision({}, { workspace_name: "X", owner_email: "a@example.test" }), 401);
  });

  it("answers 403 for users who are not staff, even workspace owners", async () => {
    const ws = await t.createWorkspace();
    expectProblem(await provision(t.as(ws.owner), { workspace_name: "X", owner_email: "a@example.test" }), 403);
  });
});
