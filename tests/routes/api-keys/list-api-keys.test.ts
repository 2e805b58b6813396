import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createOneKeyOfEachState } from "./api-key-probe.ts";

// GET /api/v1/api-keys (listApiKeys)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  await createOneKeyOfEachState(t, workspace);
});

type Page = { items: Array<Record<string, unknown>>; total: number; skip: number; limit: number };

describe("listApiKeys: happy", () => {
  it("lists the workspace's keys with prefixes only, newest first", async () => {
    const res = await t.request("/api/v1/api-keys", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Page;
    expect(body.total).toBe(3);
    expect(body.items).toHaveLength(3);
    for (const item of body.items) {
      expect(item.prefix).toMatch(/^fos_live_/);
      expect(item).not.toHaveProperty("key");
      expect(item).not.toHaveProperty("key_hash");
    }
    expect(body.items.map((i) => i.status).sort()).toEqual(["active", "disabled", "revoked"]);
  });

  it("filters by is_active and is_revoked and pages with skip/limit", async () => {
    const revoked = (await (await t.request("/api/v1/api-keys?is_revoked=true", { headers: t.as(workspace.owner, workspace) })).json()) as Page;
    expect(revoked.total).toBe(1);
    expect(revoked.items[0]!.is_revoked).toBe(true);
    const disabled = (await (
      await t.request("/api/v1/api-keys?is_active=false&is_revoked=false", { headers: t.as(workspace.owner, workspace) })
    ).json()) as Page;
    expect(disabled.items.map((i) => i.status)).toEqual(["disabled"]);
    const page = (await (await t.request("/api/v1/api-keys?skip=1&limit=1", { headers: t.as(workspace.owner, workspace) })).json()) as Page;
    expect(page).toMatchObject({ total: 3, skip: 1, limit: 1 });
    expect(page.items).toHaveLength(1);
  });
});

describe("listApiKeys: error", () => {
  it.each(["limit=0", "limit=1000", "skip=-1", "is_active=maybe"])("answers 422 problem+json for %s", async (query) => {
    const res = await t.request(`/api/v1/api-keys?${query}`, { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("listApiKeys: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/api-keys", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and never lists another workspace's keys", async () => {
    const other = await t.createWorkspace();
    expect((await t.request("/api/v1/api-keys", { headers: t.as(other.owner, workspace) })).status).toBe(404);
    const own = (await (await t.request("/api/v1/api-keys", { headers: t.as(other.owner, other) })).json()) as Page;
    expect(own.total).toBe(0);
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await t.request("/api/v1/api-keys", { headers: t.as(user, workspace) })).status).toBe(status);
  });
});
