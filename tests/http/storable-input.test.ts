import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp, type TestWorkspace } from "../support/test-app.ts";

// The storableInput middleware: input Postgres cannot store is a 422 naming the field, never a 500.
let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await sharedTestApp();
  ws = await t.createWorkspace();
});

async function expect422(res: Response, field: string): Promise<void> {
  expect(res.status).toBe(422);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  const body = (await res.json()) as { errors: Array<{ field: string; message: string }> };
  expect(body.errors[0]).toMatchObject({ field, message: expect.stringMatching(/cannot be stored/) });
}

describe("storableInput", () => {
  it("refuses a NUL in a JSON body, escaped or raw, naming the field", async () => {
    await expect422(await t.request("/api/v1/teams", { method: "POST", headers: t.as(ws.owner, ws), json: { name: "a\u0000b" } }), "name");
    const raw = await t.request("/api/v1/teams", { method: "POST", headers: { ...t.as(ws.owner, ws), "content-type": "application/json" }, body: '{"name": "a\u0000b"}' });
    expect(raw.status).toBeLessThan(500);
  });

  it("refuses an unpaired surrogate deep in a body", async () => {
    const body = '{"name": "Team", "description": "x\\ud800y"}';
    await expect422(await t.request("/api/v1/teams", { method: "POST", headers: { ...t.as(ws.owner, ws), "content-type": "application/json" }, body }), "description");
  });

  it("refuses a NUL in the query string", async () => {
    await expect422(await t.request("/api/v1/teams?search=a%00b", { headers: t.as(ws.owner, ws) }), "url");
  });

  it("lets ordinary text through, emoji and escaped quotes included", async () => {
    const res = await t.request("/api/v1/teams", { method: "POST", headers: t.as(ws.owner, ws), json: { name: `Team 😀 "quoted" \\ ${crypto.randomUUID().slice(0, 6)}` } });
    expect(res.status).toBe(201);
  });
});
