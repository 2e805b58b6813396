import type { AccessFlag } from "../../../core/recordsets/recordset-repository.ts";
import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";
import { grant, makeRecordset, type RecordsetJson } from "../recordsets/recordset-test-helpers.ts";

export { grant, makeRecordset, unknownId, type RecordsetJson } from "../recordsets/recordset-test-helpers.ts";

/** A record as the API returns it (the fields tests read). */
export type RecordJson = {
  id: string;
  recordset_id: string;
  field_values: Record<string, unknown>;
  title: string | null;
  status: string;
  tags: string[];
  tool_statuses: Record<string, string>;
  version: number;
  is_latest: boolean;
  created_by: string | null;
};

/** A record created through POST /api/v1/records as `as` (default: the owner). */
export async function makeRecord(t: TestApp, ws: TestWorkspace, recordsetId: string, fields: Record<string, unknown> = {}, as: TestUser = ws.owner, extra: Record<string, unknown> = {}): Promise<RecordJson> {
  const res = await t.request("/api/v1/records", {
    method: "POST",
    headers: t.as(as, ws),
    json: { recordset_id: recordsetId, field_values: { name: `Rec ${crypto.randomUUID().slice(0, 6)}`, ...fields }, ...extra },
  });
  if (res.status !== 201) throw new Error(`makeRecord failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as RecordJson;
}

/** A fresh workspace with a recordset (sample fields) and one record in it. */
export async function recordFixture(t: TestApp): Promise<{ ws: TestWorkspace; recordset: RecordsetJson; record: RecordJson }> {
  const ws = await t.createWorkspace();
  const recordset = await makeRecordset(t, ws);
  const record = await makeRecord(t, ws, recordset.id, { price: 10 });
  return { ws, recordset, record };
}

/** A member of `ws` with exactly `flags` on the recordset. */
export async function memberWith(t: TestApp, ws: TestWorkspace, recordset: RecordsetJson, flags: readonly AccessFlag[], role: "member" | "viewer" = "member"): Promise<TestUser> {
  const user = await t.addMember(ws, role);
  if (flags.length) await grant(t, ws, recordset.slug, { member_id: user.id, flags });
  return user;
}

/** Asserts a problem+json answer with `status`; returns its body. */
export async function expectProblem(res: Response, status: number): Promise<{ code: string; detail?: string; errors?: { field: string; message: string }[] }> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  if (!/application\/problem\+json/.test(res.headers.get("content-type") ?? "")) throw new Error(`not problem+json: ${res.headers.get("content-type")}`);
  return (await res.json()) as { code: string; detail?: string; errors?: { field: string; message: string }[] };
}
