import type { Role } from "../../../core/auth/actor.ts";
import { newId } from "../../../core/ids.ts";
import { createRecord } from "../../../core/records/create-record.ts";
import { createRecordset } from "../../../core/recordsets/create-recordset.ts";
import { accessFlags, type AccessFlag, type AccessFlags } from "../../../core/recordsets/recordset-repository.ts";
import { actorOf, type TestApp, type TestUser, type TestWorkspace } from "../../support/test-app.ts";

export const unknownId = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0aff";

export { actorOf };

export type Tracked = { ws: TestWorkspace; recordsetId: string; recordId: string };

/** A fresh workspace with a "Leads" recordset and one record ("Acme", stage new, no email). */
export async function trackedRecord(t: TestApp, values: Record<string, unknown> = { name: "Acme", stage: "new", revenue: 1200 }): Promise<Tracked> {
  const ws = await t.createWorkspace();
  const actor = actorOf(ws);
  const recordset = await createRecordset(t.services, actor, {
    name: "Leads",
    fields: [
      { name: "Name", type: "text", required: true },
      { name: "Stage", type: "select", options: [{ value: "new" }, { value: "won" }] },
      { name: "Revenue", type: "currency" },
      { name: "Email", type: "email" },
    ],
  });
  const record = await createRecord(t.services, actor, { recordsetId: recordset.id, fieldValues: values });
  return { ws, recordsetId: recordset.id, recordId: record.id };
}

/** Another record in the same recordset. */
export async function addRecord(t: TestApp, tracked: Tracked, values: Record<string, unknown>): Promise<string> {
  return (await createRecord(t.services, actorOf(tracked.ws), { recordsetId: tracked.recordsetId, fieldValues: values })).id;
}

/** A member of `ws` with a direct grant of `flags` on the recordset (no grant: `flags` empty). */
export async function memberWith(t: TestApp, tracked: Tracked, flags: AccessFlag[], role: Role = "member"): Promise<TestUser> {
  const user = await t.addMember(tracked.ws, role);
  if (flags.length) {
    const all = Object.fromEntries(accessFlags.map((f) => [f, flags.includes(f)])) as AccessFlags;
    await t.services.recordsets.upsertGrant(tracked.ws, { id: newId(), recordsetId: tracked.recordsetId, memberId: user.id, teamId: null, flags: all, grantedBy: tracked.ws.owner.id, createdAt: new Date() });
  }
  return user;
}

async function post<T>(t: TestApp, tracked: Tracked, path: string, json: unknown): Promise<T> {
  const res = await t.request(path, { method: "POST", headers: t.as(tracked.ws.owner, tracked.ws), json });
  if (res.status !== 200) throw new Error(`POST ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Logs an interaction through the API as the owner. */
export function logInteraction(t: TestApp, tracked: Tracked, body: Record<string, unknown> = {}, recordId = tracked.recordId): Promise<{ id: string; occurred_at: string }> {
  return post(t, tracked, `/api/v1/tracking/${recordId}/interactions`, { interaction_type: "call", summary: "Intro call", ...body });
}

/** Creates a task through the API as the owner. */
export function addTask(t: TestApp, tracked: Tracked, body: Record<string, unknown> = {}, recordId = tracked.recordId): Promise<{ id: string; status: string }> {
  return post(t, tracked, `/api/v1/tracking/${recordId}/tasks`, { title: "Send the proposal", ...body });
}

/** Generates (heuristic, offline) insights through the API as the owner. */
export function generateInsights(t: TestApp, tracked: Tracked, recordId = tracked.recordId): Promise<{ items: { id: string; insight_type: string }[] }> {
  return post(t, tracked, `/api/v1/tracking/${recordId}/insights/generate`, undefined);
}

export const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();
export const daysAhead = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString();

/** Expects a problem+json answer with `status`. */
export async function expectProblem(res: Response, status: number): Promise<Record<string, unknown>> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  if (!/problem\+json/.test(res.headers.get("content-type") ?? "")) throw new Error(`not problem+json: ${res.headers.get("content-type")}`);
  return (await res.json()) as Record<string, unknown>;
}
