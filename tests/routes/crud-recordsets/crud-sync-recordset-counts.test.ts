import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecords } from "../recordsets/recordset-admin-test-helpers.ts";
import { makeRecordset, onlyWorkspaceAdmins } from "../recordsets/recordset-test-helpers.ts";

// POST /api/v1/crud/recordsets/sync-counts (crudSyncRecordsetCounts)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const sync = (headers: Record<string, string>) => t.request("/api/v1/crud/recordsets/sync-counts", { method: "POST", headers });

describe("crudSyncRecordsetCounts: happy", () => {
  it("repairs wrong counts and reports how many changed", async () => {
    const own = await t.createWorkspace();
    const a = await makeRecordset(t, own);
    const b = await makeRecordset(t, own);
    await addRecords(t, own, a.id, [{ name: "1" }, { name: "2" }]);
    await tenantDatabase(t.database, own.schemaName).transaction((trx) =>
      trx.updateTable("recordsets").set({ record_count: sql`case when id = ${a.id} then 7 else 3 end` }).execute(),
    );
    const res = await sync(t.as(own.owner, own));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ recordsets: 2, changed: 2 });
    const get = async (id: string) => (await (await t.request(`/api/v1/crud/recordsets/${id}`, { headers: t.as(own.owner, own) })).json()).record_count;
    expect([await get(a.id), await get(b.id)]).toEqual([2, 0]);
    expect(await (await sync(t.as(own.owner, own))).json()).toEqual({ recordsets: 2, changed: 0 });
  });
});

describe("crudSyncRecordsetCounts: error", () => {
  it("answers 422 problem+json for a workspace id that is not a UUID", async () => {
    const res = await sync({ authorization: `Bearer ${ws.owner.accessToken}`, "x-workspace-id": "not-a-uuid" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("crudSyncRecordsetCounts: security", () => {
  it("answers 401 without credentials and 404 in a workspace one is not a member of", async () => {
    const other = await t.createWorkspace();
    expect((await sync({ "x-workspace-id": ws.id })).status).toBe(401);
    expect((await sync(t.as(ws.owner, other))).status).toBe(404);
  });

  it.each(onlyWorkspaceAdmins(200))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(ws, role);
    expect((await sync(t.as(user, ws))).status).toBe(status);
  });
});
