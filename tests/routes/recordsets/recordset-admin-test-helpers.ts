import { expect } from "vitest";
import type { Actor } from "../../../core/auth/actor.ts";
import { createRecord } from "../../../core/records/create-record.ts";
import type { FieldValues } from "../../../core/records/record-values.ts";
import type { TestApp, TestWorkspace } from "../../support/test-app.ts";

/** The workspace owner as a use-case actor, for seeding through core. */
export function ownerActor(ws: TestWorkspace): Actor {
  return { kind: "user", userId: ws.owner.id, sessionId: "test", isStaff: false, isSuperuser: false, workspace: { id: ws.id, schemaName: ws.schemaName, role: "owner" } };
}

/** Creates records through the use-case as the owner (the records routes are another section's). */
export async function addRecords(t: TestApp, ws: TestWorkspace, recordsetId: string, rows: readonly FieldValues[]): Promise<string[]> {
  const ids: string[] = [];
  for (const fieldValues of rows) ids.push((await createRecord(t.services, ownerActor(ws), { recordsetId, fieldValues })).id);
  return ids;
}

/** Asserts a problem+json answer with `status`; returns the problem. */
export async function expectProblem(res: Response, status: number): Promise<{ code: string; detail?: string; errors?: { field: string; message: string }[] }> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  return (await res.json()) as { code: string; detail?: string; errors?: { field: string; message: string }[] };
}
