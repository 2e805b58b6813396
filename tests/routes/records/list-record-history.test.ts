import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// GET /api/v1/records/{record_id}/history (listRecordHistory)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const history = (id: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/records/${id}/history`, { headers });

describe("listRecordHistory: happy", () => {
  it("lists versions newest first, each with the user who made it", async () => {
    const editor = await memberWith(t, f.ws, f.recordset, ["can_edit"]);
    const rec = await makeRecord(t, f.ws, f.recordset.id, { price: 1 });
    await t.request(`/api/v1/records/${rec.id}`, { method: "PUT", headers: t.as(editor, f.ws), json: { field_values: { price: 2 } } });
    const res = await history(rec.id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((v: { version: number; change_type: string }) => [v.version, v.change_type])).toEqual([[2, "updated"], [1, "created"]]);
    expect(body.items[0].changed_by).toMatchObject({ id: editor.id, email: editor.email });
    expect(body.items[1].changed_by).toMatchObject({ id: f.ws.owner.id, email: f.ws.owner.email, name: "Test User" });
    expect(body.items[0].field_values.price).toBe(2);
  });
});

describe("listRecordHistory: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    await expectProblem(await history("x"), 422);
    await expectProblem(await history(unknownId), 404);
  });
});

describe("listRecordHistory: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await history(f.record.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await history(other.record.id), 404);
  });

  it("answers 403 to a member without a grant", async () => {
    const user = await memberWith(t, f.ws, f.recordset, []);
    await expectProblem(await history(f.record.id, t.as(user, f.ws)), 403);
  });
});
