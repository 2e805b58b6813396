import { expect } from "vitest";
import { createRecord } from "../../../core/records/create-record.ts";
import type { FieldValues } from "../../../core/records/record-values.ts";
import { actorOf, type TestApp, type TestWorkspace } from "../../support/test-app.ts";

/** Creates records through the use-case as the owner (the records routes are another section's). */
export async function addRecords(t: TestApp, ws: TestWorkspace, recordsetId: string, rows: readonly FieldValues[]): Promise<string[]> {
  const ids: string[] = [];
  for (const fieldValues of rows) ids.push((await createRecord(t.services, actorOf(ws), { recordsetId, fieldValues })).id);
  return ids;
}

/** Asserts a problem+json answer with `status`; returns the problem. */
export async function expectProblem(res: Response, status: number): Promise<{ code: string; detail?: string; errors?: { field: string; message: string }[] }> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  return (await res.json()) as { code: string; detail?: string; errors?: { field: string; message: string }[] };
}
