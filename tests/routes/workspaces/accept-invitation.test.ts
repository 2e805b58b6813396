import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, inviteByEmail, passwordlessUser } from "./workspace-test-helpers.ts";

// POST /api/v1/workspaces/invitations/accept (acceptInvitation)
let t: TestApp;
let workspace: TestWorkspace;
const accept = (json: unknown, headers: Record<string, string> = {}) =>
  t.request("/api/v1/workspaces/invitations/accept", { method: "POST", headers, json });
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

async function shareableLink(role = "member", extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.request(`/api/v1/workspaces/${workspace.id}/invite-link`, { method: "POST", headers: t.as(workspace.owner), json: { role, ...extra } });
  return new URL((await res.json()).invite_url).searchParams.get("token")!;
}

describe("acceptInvitation: happy", () => {
  it("sets the password of a user without one, joins the workspace and signs in", async () => {
    const invitee = await passwordlessUser(t);
    const { invitationId, token } = await inviteByEmail(t, workspace, invitee, "admin");
    const res = await accept({ token, password: "a long enough password" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ workspace_id: workspace.id, role: "admin", user: { id: invitee.id, email: invitee.email }, tokens: { token_type: "bearer" } });
    // The new session works, and the user can log in with the password.
    const ws = await t.request(`/api/v1/workspaces/${workspace.id}`, { headers: { authorization: `Bearer ${body.tokens.access_token}` } });
    expect((await ws.json()).role).toBe("admin");
    const login = await t.request("/api/v1/auth/login", { method: "POST", json: { email: invitee.email, password: "a long enough password" } });
    expect(login.status).toBe(200);
    const row = await t.database.db.selectFrom("workspace_invitations").select(["status", "accepted_at"]).where("id", "=", invitationId).executeTakeFirstOrThrow();
    expect(row.status).toBe("accepted");
  });

  it("keeps the password of a user who has one", async () => {
    const invitee = await t.createUser();
    const hash = await t.services.passwordHasher.hash("original password 1");
    await t.database.db.updateTable("users").set({ password_hash: hash }).where("id", "=", invitee.id).execute();
    const { token } = await inviteByEmail(t, workspace, invitee);
    expect((await accept({ token })).status).toBe(200);
    const login = await t.request("/api/v1/auth/login", { method: "POST", json: { email: invitee.email, password: "original password 1" } });
    expect(login.status).toBe(200);
  });

  it("joins with a shareable link while signed in, counting uses up to max_uses", async () => {
    const token = await shareableLink("viewer", { max_uses: 1 });
    const first = await t.createUser();
    const res = await accept({ token }, t.as(first));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: "viewer", workspace_id: workspace.id, tokens: null });
    const second = await t.createUser();
    expectProblem(await accept({ token }, t.as(second)), 404);
  });
});

describe("acceptInvitation: membership records", () => {
  it("creates the tenant member record, and a removed member invited again joins again", async () => {
    const invitee = await t.createUser();
    await t.database.db.updateTable("users").set({ password_hash: "x" }).where("id", "=", invitee.id).execute();
    const first = await inviteByEmail(t, workspace, invitee);
    expect((await accept({ token: first.token })).status).toBe(200);
    const { tenantDatabase } = await import("../../../adapters/postgres/tenant-database.ts");
    const tenantRow = () =>
      tenantDatabase(t.database, workspace.schemaName).transaction((trx) =>
        trx.selectFrom("members").select(["user_id", "deleted_at"]).where("user_id", "=", invitee.id).executeTakeFirst(),
      );
    expect(await tenantRow()).toMatchObject({ user_id: invitee.id, deleted_at: null });

    await t.createWorkspace({ owner: invitee }); // so removal keeps the account
    expect((await t.request(`/api/v1/workspaces/${workspace.id}/members/${invitee.id}`, { method: "DELETE", headers: t.as(workspace.owner) })).status).toBe(200);
    const again = await inviteByEmail(t, workspace, invitee, "viewer");
    const res = await accept({ token: again.token });
    expect(res.status).toBe(200);
    expect((await res.json()).role).toBe("viewer");
    expect(await tenantRow()).toMatchObject({ deleted_at: null });
  });
});

describe("acceptInvitation: error", () => {
  it("answers 422 when a user without a password gives none or a weak one, and leaves the token usable", async () => {
    const invitee = await passwordlessUser(t);
    const { token } = await inviteByEmail(t, workspace, invitee);
    expectProblem(await accept({ token }), 422);
    expectProblem(await accept({ token, password: "short" }), 422);
    expect((await accept({ token, password: "now a good password" })).status).toBe(200);
  });

  it("answers 422 without a token and 404 for an unknown one", async () => {
    expectProblem(await accept({}), 422);
    expectProblem(await accept({ token: "y".repeat(43) }), 404);
  });

  it("a shareable link needs a signed-in caller (401)", async () => {
    const token = await shareableLink();
    const res = await accept({ token });
    expectProblem(res, 401);
    expect((await res.json()).code).toBe("sign_in_required");
  });
});

describe("acceptInvitation: security", () => {
  it("a personal token works once", async () => {
    const invitee = await t.createUser();
    const { token } = await inviteByEmail(t, workspace, invitee);
    await t.database.db.updateTable("users").set({ password_hash: "x" }).where("id", "=", invitee.id).execute();
    expect((await accept({ token })).status).toBe(200);
    expectProblem(await accept({ token }), 404);
  });

  it("a cancelled shareable link stops working", async () => {
    const res = await t.request(`/api/v1/workspaces/${workspace.id}/invite-link`, { method: "POST", headers: t.as(workspace.owner), json: {} });
    const link = await res.json();
    await t.request("/api/v1/workspaces/invitations/cancel", {
      method: "POST",
      headers: t.as(workspace.owner),
      json: { workspace_id: workspace.id, invitation_id: link.invitation.id },
    });
    const user = await t.createUser();
    expectProblem(await accept({ token: new URL(link.invite_url).searchParams.get("token") }, t.as(user)), 404);
  });

  it("a bad bearer token is refused rather than ignored", async () => {
    const token = await shareableLink();
    expectProblem(await accept({ token }, { authorization: "Bearer nonsense" }), 401);
  });
});
