import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecords } from "./recordset-admin-test-helpers.ts";
import { eventTypesFor, makeRecordset, onlyWorkspaceAdmins, trashRecordset } from "./recordset-test-helpers.ts";

// POST /api/v1/recordsets/trash/{recordset_slug}/restore (restoreRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const restore = (slug: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/trash/${slug}/restore`, { method: "POST", headers });

describe("restoreRecordset: happy", () => {
  it("brings the recordset back under its slug, with its records", async () => {
    const rs = await makeRecordset(t, ws);
    await addRecords(t, ws, rs.id, [{ name: "A" }]);
    await trashRecordset(t, ws, rs.slug);
    const res = await restore(rs.slug, t.as(ws.owner, ws));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: rs.id, slug: rs.slug, is_active: true, deleted_at: null, record_count: 1 });
    expect((await t.request(`/api/v1/recordsets/${rs.slug}`, { headers: t.as(ws.owner, ws) })).status).toBe(200);
    expect(await eventTypesFor(t, ws, rs.id)).toEqual(["recordset.created", "recordset.deleted", "recordset.restored"]);
  });
});

describe("restoreRecordset: error", () => {
  it("answers 404 problem+json when no trashed recordset has the slug (a live one included)", async () => {
    const live = await makeRecordset(t, ws);
    for (const slug of [live.slug, "no-such-recordset"]) {
      const res = await restore(slug, t.as(ws.owner, ws));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });
});

describe("restoreRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await restore("anything", { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's trashed recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other, [], { name: `Foreign ${crypto.randomUUID().slice(0, 6)}` });
    await trashRecordset(t, other, foreign.slug);
    expect((await restore(foreign.slug, t.as(ws.owner, ws))).status).toBe(404);
  });

  it.each(onlyWorkspaceAdmins(200))("role %s gets %i (even the recordset's creator needs to be an admin)", async (role, status) => {
    const user = await t.addMember(ws, role);
    const rs = await makeRecordset(t, ws, [], {}, role === "viewer" ? ws.owner : user);
    await trashRecordset(t, ws, rs.slug);
    expect((await restore(rs.slug, t.as(user, ws))).status).toBe(status);
  });
});
