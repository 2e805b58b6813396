import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { grant, makeRecordset } from "../recordsets/recordset-test-helpers.ts";
import { expectProblem, getJob, runImportJob, upload } from "./import-test-helpers.ts";

// POST /api/v1/recordsets/import/recordsets/{recordset_id} (importIntoRecordset)
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});
const importInto = (headers: Record<string, string>, id: string, json: unknown) => t.request(`/api/v1/recordsets/import/recordsets/${id}`, { method: "POST", headers, json });

describe("importIntoRecordset: happy", () => {
  it("imports mapped columns into an existing recordset, a lat/lng pair into one field", async () => {
    const rs = await makeRecordset(t, ws);
    const file = await upload(t, ws, "deals.csv", "Deal,Amount,Phase,Y,X\nOne,10,new,59.9,10.7\nTwo,20,won,60.1,11.0\nThree,30,lost,60.2,11.1\n");
    const res = await importInto(t.as(ws.owner, ws), rs.id, { file_uri: file.file_uri, field_mappings: { Deal: "name", Amount: "price", Phase: "stage", Y: "location.lat", X: "location.lng" } });
    expect(res.status).toBe(200);
    const started = (await res.json()) as { job_id: string; recordset_id: string; status: string };
    expect(started).toMatchObject({ recordset_id: rs.id, status: "pending" });
    await runImportJob(t, started.job_id);
    const job = await getJob(t, ws, started.job_id);
    // "lost" is not an option of the select field: that row is rejected.
    expect(job.progress).toMatchObject({ imported: 2, rejected: 1 });
    const list = await t.request(`/api/v1/records?recordset_id=${rs.id}&page_size=10`, { headers: t.as(ws.owner, ws) });
    const records = ((await list.json()) as { items: { field_values: Record<string, unknown> }[] }).items;
    expect(records.map((r) => r.field_values).find((v) => v.name === "One")).toEqual({ name: "One", price: 10, stage: "new", location: { lat: 59.9, lng: 10.7 } });
  });
});

describe("importIntoRecordset: error", () => {
  it("rejects, into the report, a row whose text Postgres cannot store (an unpaired surrogate in JSON), and imports the rest", async () => {
    // A COPY fed such a value would fail the whole batch; the row must be refused before it.
    const rs = await makeRecordset(t, ws);
    const file = await upload(t, ws, "deals.json", '[{"Deal": "Good", "Amount": 10}, {"Deal": "Bad \\ud800", "Amount": 20}, {"Deal": "Also good", "Amount": 30}]', ws.owner, "application/json");
    const res = await importInto(t.as(ws.owner, ws), rs.id, { file_uri: file.file_uri, field_mappings: { Deal: "name", Amount: "price" } });
    expect(res.status).toBe(200);
    const { job_id } = (await res.json()) as { job_id: string };
    await runImportJob(t, job_id);
    const job = await getJob(t, ws, job_id);
    expect(job.status).toBe("completed");
    expect(job.progress).toMatchObject({ imported: 2, rejected: 1 });
  });


  it("answers 422 for unknown columns or fields and an unmapped required field", async () => {
    const rs = await makeRecordset(t, ws);
    const file = await upload(t, ws, "x.csv", "Deal,Amount\nA,1\n");
    await expectProblem(await importInto(t.as(ws.owner, ws), rs.id, { file_uri: file.file_uri, field_mappings: { Nope: "name" } }), 422);
    await expectProblem(await importInto(t.as(ws.owner, ws), rs.id, { file_uri: file.file_uri, field_mappings: { Deal: "missing_field" } }), 422);
    await expectProblem(await importInto(t.as(ws.owner, ws), rs.id, { file_uri: file.file_uri, field_mappings: { Amount: "price" } }), 422);
    await expectProblem(await importInto(t.as(ws.owner, ws), rs.id, {}), 422);
  });
});

describe("importIntoRecordset: security", () => {
  it("needs credentials (401)", async () => {
    await expectProblem(await importInto({}, crypto.randomUUID(), { file_uri: "upload:x" }), 401);
  });

  it("answers 404 for another workspace's recordset", async () => {
    const other = await t.createWorkspace();
    const theirs = await makeRecordset(t, other);
    const file = await upload(t, ws, "x.csv", "Name\nA\n");
    await expectProblem(await importInto(t.as(ws.owner, ws), theirs.id, { file_uri: file.file_uri }), 404);
  });

  it("answers 403 without can_create on the recordset", async () => {
    const rs = await makeRecordset(t, ws);
    const member = await t.addMember(ws, "member");
    await grant(t, ws, rs.slug, { member_id: member.id, flags: ["can_view"] });
    const file = await upload(t, ws, "x.csv", "Name\nA\n", member);
    await expectProblem(await importInto(t.as(member, ws), rs.id, { file_uri: file.file_uri }), 403);
  });
});
