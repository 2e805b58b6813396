import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { attach, download } from "../crud-records/attachment-test-helpers.ts";
import { addRecords } from "./recordset-admin-test-helpers.ts";
import { eventTypesFor, makeRecordset, onlyWorkspaceAdmins, trashRecordset } from "./recordset-test-helpers.ts";

// DELETE /api/v1/recordsets/trash/{recordset_slug} (permanentlyDeleteRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

const purge = (slug: string, headers: Record<string, string>) => t.request(`/api/v1/recordsets/trash/${slug}`, { method: "DELETE", headers });

describe("permanentlyDeleteRecordset: happy", () => {
  it("deletes a trashed recordset, its records and their attachment files for good", async () => {
    const rs = await makeRecordset(t, ws);
    const [id] = await addRecords(t, ws, rs.id, [{ name: "Gone" }]);
    const file = await attach(t, ws, id!);
    expect((await download(t, file.download_url)).status).toBe(200);
    await trashRecordset(t, ws, rs.slug);
    const res = await purge(rs.slug, t.as(ws.owner, ws));
    expect(res.status).toBe(204);
    expect(await t.services.recordsets.find({ id: ws.id, schemaName: ws.schemaName }, rs.id, { trashed: true })).toBeNull();
    expect(await t.services.records.find({ id: ws.id, schemaName: ws.schemaName }, id!)).toBeNull();
    expect((await download(t, file.download_url)).status).toBe(404);
    expect((await purge(rs.slug, t.as(ws.owner, ws))).status).toBe(404);
    expect((await eventTypesFor(t, ws, rs.id)).at(-1)).toBe("recordset.purged");
  });
});

describe("permanentlyDeleteRecordset: error", () => {
  it("answers 404 problem+json for a live (not trashed) recordset and for an unknown slug", async () => {
    const live = await makeRecordset(t, ws);
    for (const slug of [live.slug, "no-such-recordset"]) {
      const res = await purge(slug, t.as(ws.owner, ws));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
    expect((await t.request(`/api/v1/recordsets/${live.slug}`, { headers: t.as(ws.owner, ws) })).status).toBe(200);
  });
});

describe("permanentlyDeleteRecordset: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await purge("anything", { "x-workspace-id": ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's trashed recordset", async () => {
    const other = await t.createWorkspace();
    const foreign = await makeRecordset(t, other, [], { name: `Foreign ${crypto.randomUUID().slice(0, 6)}` });
    await trashRecordset(t, other, foreign.slug);
    expect((await purge(foreign.slug, t.as(ws.owner, ws))).status).toBe(404);
  });

  it.each(onlyWorkspaceAdmins(204))("role %s gets %i", async (role, status) => {
    const user = await t.addMember(ws, role);
    const rs = await makeRecordset(t, ws);
    await trashRecordset(t, ws, rs.slug);
    expect((await purge(rs.slug, t.as(user, ws))).status).toBe(status);
  });
});
