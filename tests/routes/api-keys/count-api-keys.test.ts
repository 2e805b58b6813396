import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { createOneKeyOfEachState } from "./api-key-probe.ts";

// GET /api/v1/api-keys/count (countApiKeys)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
  await createOneKeyOfEachState(t, workspace);
});

describe("countApiKeys: happy", () => {
  it("counts the workspace's keys: all, active, revoked", async () => {
    const res = await t.request("/api/v1/api-keys/count", { headers: t.as(workspace.owner, workspace) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ total: 3, active: 1, revoked: 1 });
  });
});

describe("countApiKeys: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    const res = await t.request("/api/v1/api-keys/count", {
      headers: { ...t.as(workspace.owner), "x-workspace-id": "nope" },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("countApiKeys: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await t.request("/api/v1/api-keys/count", { headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and never counts another workspace's keys", async () => {
    const other = await t.createWorkspace();
    const res = await t.request("/api/v1/api-keys/count", { headers: t.as(other.owner, workspace) });
    expect(res.status).toBe(404);
    const own = await t.request("/api/v1/api-keys/count", { headers: t.as(other.owner, other) });
    expect(await own.json()).toEqual({ total: 0, active: 0, revoked: 0 });
  });

  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    const res = await t.request("/api/v1/api-keys/count", { headers: t.as(user, workspace) });
    expect(res.status).toBe(status);
  });

  it("honours a workspace's role override", async () => {
    const ws = await t.createWorkspace();
    const member = await t.addMember(ws, "member");
    const { tenantDatabase } = await import("../../../adapters/postgres/tenant-database.ts");
    await tenantDatabase(t.database, ws.schemaName).transaction((trx) =>
      trx.insertInto("role_permissions").values({ role: "member", permission: "can_view_api_key", allowed: true }).execute(),
    );
    const res = await t.request("/api/v1/api-keys/count", { headers: t.as(member, ws) });
    expect(res.status).toBe(200);
  });
});
