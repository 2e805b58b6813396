import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRecords } from "../../../core/records/list-records.ts";
import { createRecordset } from "../../../core/recordsets/create-recordset.ts";
import type { RecordsetRecord } from "../../../core/recordsets/recordset-repository.ts";
import { actorOf, createTestApp, type TestApp, type TestWorkspace } from "../../support/test-app.ts";
import { addRecord } from "../../routes/records/map-test-helpers.ts";

// The list page's index-friendly descending sort (non-null values, then nulls) and its count.
let t: TestApp;
let ws: TestWorkspace;
let rs: RecordsetRecord;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.createWorkspace();
  rs = await createRecordset(t.services, actorOf(ws), { name: "Scores", fields: [{ name: "Name", type: "text" }, { name: "Score", type: "number" }] });
  for (const [name, score] of [["one", 1], ["three", 3], ["none", null], ["two", 2], ["three again", 3]] as const) {
    await addRecord(t, ws, rs.id, score === null ? { name } : { name, score });
  }
});
afterAll(async () => t.close());

const page = (sortOrder: "asc" | "desc", pageNo: number, pageSize = 2) =>
  listRecords(t.services, actorOf(ws), { recordsetId: rs.id, page: pageNo, pageSize, sortBy: "score", sortOrder });

describe("record list page", () => {
  it("sorts descending with nulls last across pages, ties by id", async () => {
    const titles = async (n: number) => (await page("desc", n)).items.map((r) => r.title);
    const first = await titles(1);
    expect(first.sort()).toEqual(["three", "three again"]);
    expect(await titles(2)).toEqual(["two", "one"]);
    expect(await titles(3)).toEqual(["none"]);
    const all = await page("desc", 1, 10);
    expect(all.items.map((r) => r.fieldValues.score ?? null)).toEqual([3, 3, 2, 1, null]);
    expect(all.items[0]!.id > all.items[1]!.id).toBe(true);
  });

  it("sorts ascending with nulls last and counts exactly below the cap", async () => {
    const result = await page("asc", 1);
    expect(result.items.map((r) => r.fieldValues.score)).toEqual([1, 2]);
    expect(result).toMatchObject({ total: 5, totalIsEstimate: false });
  });
});
