import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// GET /api/v1/records/{record_id}/relationships (listRecordRelationships)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const rels = (id: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/records/${id}/relationships`, { headers });
const link = (from: string, to: string, type: string) =>
  t.request(`/api/v1/records/${from}/relationships`, { method: "POST", headers: t.as(f.ws.owner, f.ws), json: { related_record_id: to, relationship_type: type } });

describe("listRecordRelationships: happy", () => {
  it("lists outgoing and incoming links, leaving out deleted records", async () => {
    const a = await makeRecord(t, f.ws, f.recordset.id, { name: "A" });
    const b = await makeRecord(t, f.ws, f.recordset.id, { name: "B" });
    const c = await makeRecord(t, f.ws, f.recordset.id, { name: "C" });
    await link(a.id, b.id, "owns");
    await link(c.id, a.id, "refers_to");
    const res = await rels(a.id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((r: { direction: string; related_title: string; relationship_type: string }) => [r.direction, r.related_title, r.relationship_type])).toEqual([
      ["outgoing", "B", "owns"],
      ["incoming", "C", "refers_to"],
    ]);
    await t.request(`/api/v1/records/${b.id}`, { method: "DELETE", headers: t.as(f.ws.owner, f.ws) });
    expect((await (await rels(a.id)).json()).total).toBe(1);
  });
});

describe("listRecordRelationships: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    await expectProblem(await rels("x"), 422);
    await expectProblem(await rels(unknownId), 404);
  });
});

describe("listRecordRelationships: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await rels(f.record.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await rels(other.record.id), 404);
  });

  it("answers 403 to a member without a grant", async () => {
    const user = await memberWith(t, f.ws, f.recordset, []);
    await expectProblem(await rels(f.record.id, t.as(user, f.ws)), 403);
  });
});
