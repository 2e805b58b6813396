import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

// POST /api/v1/members (createMember)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const create = (headers: Record<string, string>, json: unknown) => t.request("/api/v1/members", { method: "POST", headers, json });
const freshEmail = () => `member-${crypto.randomUUID()}@example.test`;

describe("createMember: happy", () => {
  it("adds an existing user by email (any case) with the given role and profile", async () => {
    const user = await t.createUser();
    const res = await create(t.as(workspace.owner, workspace), { email: user.email.toUpperCase(), role: "admin", title: "CFO" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: user.id, role: "admin", title: "CFO", user_created: false, activation_email_sent: false });
    const membership = await t.database.db
      .selectFrom("workspace_members")
      .select(["role", "status"])
      .where("workspace_id", "=", workspace.id)
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({ role: "admin", status: "active" });
  });

  it("creates a new user without a password and mails an activation link", async () => {
    const email = freshEmail();
    const res = await create(t.as(workspace.owner, workspace), { email, role: "member", name: "Grace Hopper" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ email, full_name: "Grace Hopper", role: "member", user_created: true, activation_email_sent: true });
    const user = await t.database.db.selectFrom("users").select("password_hash").where("id", "=", body.id).executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
    const mail = await t.database.db
      .selectFrom("mail_outbox")
      .select("text_body")
      .where(({ eb }) => eb(eb.cast("to_addresses", "text"), "like", `%${email}%`))
      .execute();
    expect(mail.length).toBeGreaterThan(0);
  });

  it("re-adds a removed member", async () => {
    const member = await t.addMember(workspace, "member");
    expect((await t.request(`/api/v1/members/${member.id}`, { method: "DELETE", headers: t.as(workspace.owner, workspace) })).status).toBe(204);
    const res = await create(t.as(workspace.owner, workspace), { email: member.email, role: "viewer" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: member.id, role: "viewer", status: "active" });
  });
});

describe("createMember: error", () => {
  it.each([[{ email: "not-an-email", role: "member" }], [{ email: "a@b.test" }], [{ email: "a@b.test", role: "boss" }], [{ email: "a@b.test", role: "owner" }]])(
    "answers 422 problem+json for %j",
    async (json) => {
      const res = await create(t.as(workspace.owner, workspace), json);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    },
  );

  it("answers 409 when the user is already a member", async () => {
    const member = await t.addMember(workspace, "member");
    expect((await create(t.as(workspace.owner, workspace), { email: member.email, role: "member" })).status).toBe(409);
  });
});

describe("createMember: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await create({ "x-workspace-id": workspace.id }, { email: freshEmail(), role: "member" })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const other = await t.createWorkspace();
    expect((await create(t.as(other.owner, workspace), { email: freshEmail(), role: "member" })).status).toBe(404);
  });

  it.each([
    ["admin", 201],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await create(t.as(user, workspace), { email: freshEmail(), role: "viewer" })).status).toBe(status);
  });
});
