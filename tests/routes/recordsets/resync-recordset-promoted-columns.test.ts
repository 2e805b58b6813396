import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecords, expectProblem } from "./recordset-admin-test-helpers.ts";
import { grant, makeRecordset } from "./recordset-test-helpers.ts";

// POST /api/v1/recordsets/{recordset_slug}/resync-promoted (resyncRecordsetPromotedColumns)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const resync = (slug: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/${slug}/resync-promoted`, { method: "POST", headers });

describe("resyncRecordsetPromotedColumns: happy", () => {
  it("recomputes promoted columns and geometry of every record from its values", async () => {
    const rs = await makeRecordset(t, ws);
    await addRecords(t, ws, rs.id, [
      { name: "A", price: 10, location: { lat: 1, lng: 2 } },
      { name: "B", price: 20 },
    ]);
    const tenant = tenantDatabase(t.database, ws.schemaName);
    // What a bulk import that skipped derivation would leave behind.
    await tenant.transaction((trx) =>
      trx.updateTable("records").set({ promoted_number_1: null, promoted_text_1: null, promoted_gis_1: null, title: null }).where("recordset_id", "=", rs.id).execute(),
    );
    const res = await resync(rs.slug, t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ updated: 2 });
    const rows = await tenant.transaction((trx) =>
      trx
        .selectFrom("records")
        .select(["title", "promoted_number_1", "promoted_text_1", sql<string | null>`st_astext(promoted_gis_1)`.as("wkt")])
        .where("recordset_id", "=", rs.id)
        .orderBy("title")
        .execute(),
    );
    expect(rows).toEqual([
      { title: "A", promoted_number_1: 10, promoted_text_1: "A", wkt: "POINT(2 1)" },
      { title: "B", promoted_number_1: 20, promoted_text_1: "B", wkt: null },
    ]);
  });

  it("answers 0 for a recordset without records", async () => {
    const rs = await makeRecordset(t, ws);
    expect(await (await resync(rs.slug, t.as(ws.owner, ws))).json()).toEqual({ updated: 0 });
  });
});

describe("resyncRecordsetPromotedColumns: error", () => {
  it("answers 404 for an unknown slug and 422 for an overlong one", async () => {
    await expectProblem(await resync("no-such-recordset", t.as(ws.owner, ws)), 404);
    await expectProblem(await resync("x".repeat(200), t.as(ws.owner, ws)), 422);
  });
});

describe("resyncRecordsetPromotedColumns: security", () => {
  it("answers 401 without credentials", async () => {
    const rs = await makeRecordset(t, ws);
    await expectProblem(await resync(rs.slug, { "x-workspace-id": ws.id }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const foreign = await makeRecordset(t, await t.createWorkspace());
    await expectProblem(await resync(foreign.slug, t.as(ws.owner, ws)), 404);
  });

  it("needs can_admin: 403 for an editor and a viewer", async () => {
    const rs = await makeRecordset(t, ws);
    const editor = await t.addMember(ws, "member");
    const viewer = await t.addMember(ws, "viewer");
    await grant(t, ws, rs.slug, { member_id: editor.id, flags: ["can_view", "can_edit"] });
    await grant(t, ws, rs.slug, { member_id: viewer.id, flags: ["can_admin"] });
    await expectProblem(await resync(rs.slug, t.as(editor, ws)), 403);
    await expectProblem(await resync(rs.slug, t.as(viewer, ws)), 403);
  });
});
