import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";
import { expectProblem, inviteByEmail } from "./workspace-test-helpers.ts";

// GET /api/v1/workspaces/{workspace_id}/members (listWorkspaceMembers)
let t: TestApp;
let workspace: TestWorkspace;
let admin: TestUser;
let invitee: TestUser;
let invitationId: string;
const path = (query = "") => `/api/v1/workspaces/${workspace.id}/members${query}`;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  admin = await t.addMember(workspace, "admin");
  await t.database.db.updateTable("users").set({ full_name: "Zoe Searchable" }).where("id", "=", admin.id).execute();
  invitee = await t.createUser();
  ({ invitationId } = await inviteByEmail(t, workspace, invitee, "viewer"));
});

describe("listWorkspaceMembers: happy", () => {
  it("lists active members and pending invitations with email, name, role and status", async () => {
    const res = await t.request(path(), { headers: t.as(workspace.owner) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ total: 3, page: 1, page_size: 20 });
    const byId = new Map(body.items.map((m: { id: string }) => [m.id, m]));
    expect(byId.get(workspace.owner.id)).toMatchObject({ kind: "member", role: "owner", status: "active", email: workspace.owner.email, invitation_accepted: true });
    expect(byId.get(invitationId)).toMatchObject({ kind: "invitation", user_id: invitee.id, role: "viewer", status: "pending", invitation_accepted: false, email: invitee.email });
    expect(body.items.at(-1).status).toBe("pending");
  });

  it("searches by name or email, filters by status, and pages", async () => {
    const found = await (await t.request(path("?search=zoe%20search"), { headers: t.as(workspace.owner) })).json();
    expect(found.items.map((m: { id: string }) => m.id)).toEqual([admin.id]);
    const byEmail = await (await t.request(path(`?search=${encodeURIComponent(invitee.email.slice(0, 20))}`), { headers: t.as(workspace.owner) })).json();
    expect(byEmail.items.map((m: { id: string }) => m.id)).toEqual([invitationId]);
    const pending = await (await t.request(path("?status=pending"), { headers: t.as(workspace.owner) })).json();
    expect(pending.total).toBe(1);
    const paged = await (await t.request(path("?page=2&page_size=2"), { headers: t.as(workspace.owner) })).json();
    expect(paged).toMatchObject({ total: 3, page: 2, page_size: 2 });
    expect(paged.items).toHaveLength(1);
  });
});

describe("listWorkspaceMembers: error", () => {
  it("answers 422 for a bad page or status", async () => {
    expectProblem(await t.request(path("?page=0"), { headers: t.as(workspace.owner) }), 422);
    expectProblem(await t.request(path("?status=gone"), { headers: t.as(workspace.owner) }), 422);
  });
});

describe("listWorkspaceMembers: security", () => {
  it("answers 401 without credentials", async () => {
    expectProblem(await t.request(path()), 401);
  });

  it("answers 404 for a workspace the caller is not in (pending invitees included)", async () => {
    const other = await t.createWorkspace();
    expectProblem(await t.request(path(), { headers: t.as(other.owner) }), 404);
    expectProblem(await t.request(path(), { headers: t.as(invitee) }), 404);
  });

  it.each(["admin", "member", "viewer"] as const)("role %s can list", async (role) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request(path(), { headers: t.as(user) })).status).toBe(200);
  });
});
