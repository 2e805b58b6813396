import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "true" } });
});
afterAll(async () => t?.close());

describe("per-client rate limit", () => {
  it("answers 429 with Retry-After once a client exceeds its budget, per client", async () => {
    const client = { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}` };
    for (let i = 0; i < 3; i++) expect((await t.request("/", { headers: client })).status).toBe(200);
    const limited = await t.request("/", { headers: client });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe("rate_limited");
    const otherClient = await t.request("/", { headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(otherClient.status).toBe(200);
  });
});
