import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { createRecord } from "../../../core/records/create-record.ts";
import { actorOf, daysAgo, expectProblem, memberWith, trackedRecord, unknownId, type Tracked } from "./tracking-test-helpers.ts";

// POST /api/v1/tracking/{record_id}/interactions (createRecordInteraction)
let t: TestApp;
let tr: Tracked;
beforeAll(async () => {
  t = await sharedTestApp();
  tr = await trackedRecord(t);
});

const path = (id: string) => `/api/v1/tracking/${id}/interactions`;

describe("createRecordInteraction: happy", () => {
  it("logs the interaction on the record's timeline and returns it", async () => {
    const at = daysAgo(2);
    const res = await t.request(path(tr.recordId), {
      method: "POST",
      headers: t.as(tr.ws.owner, tr.ws),
      json: { interaction_type: "meeting", summary: "  Site visit  ", notes: "Met the owner", occurred_at: at, duration_minutes: 45, outcome: "Wants a proposal" },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ record_id: tr.recordId, interaction_type: "meeting", summary: "Site visit", notes: "Met the owner", duration_minutes: 45, outcome: "Wants a proposal", created_by: tr.ws.owner.id });
    expect(body.occurred_at).toBe(new Date(at).toISOString());
    const list = await (await t.request(path(tr.recordId), { headers: t.as(tr.ws.owner, tr.ws) })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(body.id);
  });

  it("defaults occurred_at to now and lets a member with can_edit_own log on their own record", async () => {
    const member = await memberWith(t, tr, ["can_view", "can_create", "can_edit_own"]);
    const own = await createRecord(t.services, actorOf(tr.ws, member, "member"), { recordsetId: tr.recordsetId, fieldValues: { name: "Mine" } });
    const before = Date.now();
    const res = await t.request(path(own.id), { method: "POST", headers: t.as(member, tr.ws), json: { interaction_type: "email", summary: "Sent the deck" } });
    expect(res.status).toBe(200);
    expect(Date.parse((await res.json()).occurred_at)).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe("createRecordInteraction: error", () => {
  it("answers 422 for an unknown type, a blank summary, a future date or a bad id", async () => {
    const h = t.as(tr.ws.owner, tr.ws);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { interaction_type: "fax", summary: "x" } }), 422);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { interaction_type: "call", summary: "   " } }), 422);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { interaction_type: "call", summary: "x", occurred_at: "2999-01-01T00:00:00Z" } }), 422);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: h, json: { interaction_type: "call", summary: "x", duration_minutes: -5 } }), 422);
    await expectProblem(await t.request(path("nope"), { method: "POST", headers: h, json: { interaction_type: "call", summary: "x" } }), 422);
  });

  it("answers 404 for an unknown record", async () => {
    await expectProblem(await t.request(path(unknownId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws), json: { interaction_type: "call", summary: "x" } }), 404);
  });
});

describe("createRecordInteraction: security", () => {
  const json = { interaction_type: "call", summary: "x" };
  it("answers 401 without credentials", async () => {
    expect((await t.request(path(tr.recordId), { method: "POST", headers: { "x-workspace-id": tr.ws.id }, json })).status).toBe(401);
  });

  it("answers 404 for another workspace's record", async () => {
    const other = await trackedRecord(t);
    await expectProblem(await t.request(path(other.recordId), { method: "POST", headers: t.as(tr.ws.owner, tr.ws), json }), 404);
  });

  it("answers 403 for a viewer and for a member with view-only access", async () => {
    const viewer = await memberWith(t, tr, ["can_view"], "viewer");
    const reader = await memberWith(t, tr, ["can_view"]);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: t.as(viewer, tr.ws), json }), 403);
    await expectProblem(await t.request(path(tr.recordId), { method: "POST", headers: t.as(reader, tr.ws), json }), 403);
  });
});
