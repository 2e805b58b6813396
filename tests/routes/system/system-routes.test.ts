import { beforeAll, describe, expect, it } from "vitest";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";

// GET / (getRoot), GET /health (healthCheck), GET /select-workspace (showWorkspaceSelectorPage):
// public routes with no input, so "error" covers what a client can get wrong (method, path).
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

async function expectProblem(res: Response, status: number): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
}

describe("getRoot: happy", () => {
  it("names the service and where its docs, OpenAPI document and health check are", async () => {
    const res = await t.request("/");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ api_base: "/api/v1", docs_url: "/docs", openapi_url: "/openapi.json", health_url: "/health" });
  });
});
describe("getRoot: error", () => {
  it("answers a problem for a method the route does not serve", async () => {
    await expectProblem(await t.request("/", { method: "DELETE" }), 404);
  });
});
describe("getRoot: security", () => {
  it("needs no credentials, and ignores invalid ones rather than failing", async () => {
    expect((await t.request("/", { headers: { authorization: "Bearer junk" } })).status).toBe(200);
  });
});

describe("healthCheck: happy", () => {
  it("reports each dependency with its adapter", async () => {
    const body = (await (await t.request("/health")).json()) as { status: string; checks: Record<string, { status: string; adapter?: string }> };
    expect(body.status).toBe("ok");
    expect(body.checks.database).toMatchObject({ status: "ok" });
    expect(body.checks.database!.adapter).toMatch(/^(pglite|postgres)$/);
  });
});
describe("healthCheck: error", () => {
  it("answers 503 with the failing check when a dependency is down", async () => {
    t.services.probes.push({ name: "down-for-test", check: () => Promise.reject(new Error("unreachable")) });
    try {
      const res = await t.request("/health");
      expect(res.status).toBe(503);
      expect(((await res.json()) as { checks: Record<string, { status: string }> }).checks["down-for-test"]!.status).toBe("down");
    } finally {
      t.services.probes.pop();
    }
  });
});
describe("healthCheck: security", () => {
  it("needs no credentials and reveals no secrets or connection strings", async () => {
    const text = await (await t.request("/health")).text();
    expect(text).not.toMatch(/postgres:\/\/|redis:\/\/|secret/i);
  });
});

describe("showWorkspaceSelectorPage: happy", () => {
  it("serves the selector page", async () => {
    const res = await t.request("/select-workspace");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  });
});
describe("showWorkspaceSelectorPage: error", () => {
  it("answers a problem for a method the page does not serve", async () => {
    await expectProblem(await t.request("/select-workspace", { method: "POST" }), 404);
  });
});
describe("showWorkspaceSelectorPage: security", () => {
  it("ships a restrictive content security policy and renders names as text, not HTML", async () => {
    const res = await t.request("/select-workspace");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain("textContent");
    expect(html).not.toContain("innerHTML");
  });
});
