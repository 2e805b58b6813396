import { beforeAll, describe, expect, it } from "vitest";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { permissionCatalog } from "../../../core/permissions/catalog.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { onlyAdminGets } from "./permission-test-helpers.ts";

// POST /api/v1/permissions/seed (seedPermissions)
let t: TestApp;
let workspace: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  workspace = await t.createWorkspace();
});

const seed = (headers: Record<string, string>) => t.request("/api/v1/permissions/seed", { method: "POST", headers });
const storedRows = (ws: TestWorkspace) =>
  tenantDatabase(t.database, ws.schemaName).transaction((trx) => trx.selectFrom("role_permissions").selectAll().execute());

describe("seedPermissions: happy", () => {
  it("stores every default explicitly, keeps customisations, and is idempotent", async () => {
    const ws = await t.createWorkspace();
    await t.request("/api/v1/permissions/roles/member", {
      method: "PATCH",
      headers: t.as(ws.owner, ws),
      json: { permission: "can_delete_record", allowed: true },
    });
    const total = 3 * permissionCatalog.length;
    const first = await seed(t.as(ws.owner, ws));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ created: total - 1, total });
    const rows = await storedRows(ws);
    expect(rows).toHaveLength(total);
    expect(rows.find((r) => r.role === "member" && r.permission === "can_delete_record")!.allowed).toBe(true);
    expect(rows.find((r) => r.role === "viewer" && r.permission === "can_create_record")!.allowed).toBe(false);

    const again = await seed(t.as(ws.owner, ws));
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ created: 0, total });
    // Effective grants are unchanged by seeding.
    const member = (await (await t.request("/api/v1/permissions/roles/member", { headers: t.as(ws.owner, ws) })).json()) as { customized: string[] };
    expect(member.customized).toEqual(["can_delete_record"]);
  });
});

describe("seedPermissions: error", () => {
  it("answers 422 problem+json for a malformed workspace header", async () => {
    const res = await seed({ ...t.as(workspace.owner), "x-workspace-id": "nope" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("seedPermissions: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await seed({ "x-workspace-id": workspace.id })).status).toBe(401);
  });

  it("answers 404 for a workspace the caller is not in, and writes nothing there", async () => {
    const other = await t.createWorkspace();
    const ws = await t.createWorkspace();
    expect((await seed(t.as(other.owner, ws))).status).toBe(404);
    expect(await storedRows(ws)).toHaveLength(0);
  });

  it.each(onlyAdminGets(201))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(workspace, role);
    expect((await seed(t.as(user, workspace))).status).toBe(status);
  });
});
