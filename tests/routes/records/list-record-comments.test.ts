import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { expectProblem, makeRecord, memberWith, recordFixture, unknownId } from "./record-test-helpers.ts";

// GET /api/v1/records/{record_id}/comments (listRecordComments)
let t: TestApp;
let f: Awaited<ReturnType<typeof recordFixture>>;
beforeAll(async () => {
  t = await sharedTestApp();
  f = await recordFixture(t);
});

const comments = (id: string, headers = t.as(f.ws.owner, f.ws)) => t.request(`/api/v1/records/${id}/comments`, { headers });

describe("listRecordComments: happy", () => {
  it("lists comments oldest first with their authors", async () => {
    const rec = await makeRecord(t, f.ws, f.recordset.id);
    const user = await memberWith(t, f.ws, f.recordset, ["can_view"]);
    await t.request(`/api/v1/records/${rec.id}/comments`, { method: "POST", headers: t.as(f.ws.owner, f.ws), json: { content: "first" } });
    await t.request(`/api/v1/records/${rec.id}/comments`, { method: "POST", headers: t.as(user, f.ws), json: { content: "second" } });
    const res = await comments(rec.id, t.as(user, f.ws));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((c: { content: string; author: { id: string } }) => [c.content, c.author.id])).toEqual([["first", f.ws.owner.id], ["second", user.id]]);
  });
});

describe("listRecordComments: error", () => {
  it("answers 422 for a malformed id and 404 for an unknown one", async () => {
    await expectProblem(await comments("x"), 422);
    await expectProblem(await comments(unknownId), 404);
  });
});

describe("listRecordComments: security", () => {
  it("answers 401 without credentials", async () => {
    expect((await comments(f.record.id, { "x-workspace-id": f.ws.id })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await recordFixture(t);
    await expectProblem(await comments(other.record.id), 404);
  });

  it("answers 403 to a member without a grant", async () => {
    const user = await memberWith(t, f.ws, f.recordset, []);
    await expectProblem(await comments(f.record.id, t.as(user, f.ws)), 403);
  });
});
