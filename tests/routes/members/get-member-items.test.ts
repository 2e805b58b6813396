import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createApiKeyBy, createLedTeam } from "./member-test-helpers.ts";

// GET /api/v1/members/{member_id}/items (getMemberItems)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const items = (id: string, headers: Record<string, string>) => t.request(`/api/v1/members/${id}/items`, { headers });

describe("getMemberItems: happy", () => {
  it("lists the teams the member leads and the API keys they created", async () => {
    const member = await t.addMember(workspace, "member");
    const teamId = await createLedTeam(t, workspace, member.id, `Led by ${member.id.slice(-6)}`);
    const keyId = await createApiKeyBy(t, workspace, member.id);
    const res = await items(member.id, t.as(workspace.owner, workspace));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.items).toEqual(
      expect.arrayContaining([
        { type: "team", id: teamId, name: `Led by ${member.id.slice(-6)}`, relation: "lead" },
        { type: "api_key", id: keyId, name: "test key", relation: "creator" },
      ]),
    );
  });

  it("is empty for a member with nothing", async () => {
    const member = await t.addMember(workspace, "viewer");
    expect(await (await items(member.id, t.as(workspace.owner, workspace))).json()).toEqual({ member_id: member.id, items: [], total: 0 });
  });
});

describe("getMemberItems: error", () => {
  it("answers 422 for a non-uuid id and 404 for an unknown one", async () => {
    const bad = await items("x", t.as(workspace.owner, workspace));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await items("01939a6e-7c1e-7b41-9a31-5f2b8d1c0a11", t.as(workspace.owner, workspace))).status).toBe(404);
  });
});

describe("getMemberItems: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await items(workspace.owner.id, { "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's member, and never lists another workspace's items", async () => {
    const other = await t.createWorkspace();
    expect((await items(other.owner.id, t.as(workspace.owner, workspace))).status).toBe(404);
    // The same user in two workspaces: each workspace sees only its own items.
    const shared = await t.addMember(workspace, "member");
    await t.addMember(other, "member", shared);
    await createApiKeyBy(t, other, shared.id);
    expect((await (await items(shared.id, t.as(workspace.owner, workspace))).json()).total).toBe(0);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await items(workspace.owner.id, t.as(user, workspace))).status).toBe(status);
  });
});
