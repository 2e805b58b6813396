import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { registerWithProbes } from "../support/probe-routes.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ register: registerWithProbes, env: { BODY_LIMIT_BYTES: "2048" } });
});
afterAll(async () => t?.close());

const id = "0190f5c6-7c1e-7000-8000-000000000001";

describe("request ids", () => {
  it("returns a generated X-Request-Id, or echoes the caller's", async () => {
    const generated = await t.request("/");
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.request("/", { headers: { "x-request-id": "trace-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-123");
  });
});

describe("errors as problem+json", () => {
  it("answers 422 listing every invalid field, named by request part", async () => {
    const fieldsOf = async (res: Response): Promise<string[]> => {
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      const body = (await res.json()) as { code: string; errors: { field: string }[] };
      expect(body.code).toBe("validation_failed");
      return body.errors.map((e) => e.field);
    };
    // Request parts are validated one after another; the first invalid part is reported whole.
    expect(await fieldsOf(await t.request(`/__probe/validate/${id}?page=0`, { method: "POST", json: {} }))).toEqual(["query.page"]);
    expect(await fieldsOf(await t.request("/__probe/validate/not-a-uuid", { method: "POST", json: {} }))).toEqual(["param.id"]);
    const bodyErrors = await t.request(`/__probe/validate/${id}`, { method: "POST", json: { name: "" } });
    const fields = ((await bodyErrors.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["json.name", "json.size"]));
  });

  it("answers 422, not 500, for a malformed JSON body", async () => {
    const res = await t.request(`/__probe/validate/${id}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("answers 413 for a body over the limit", async () => {
    const res = await t.request(`/__probe/validate/${id}`, {
      method: "POST",
      json: { name: "x".repeat(4096), size: 1 },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("payload_too_large");
  });

  it("answers 404 problem for an unknown route", async () => {
    const res = await t.request("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe("route_not_found");
  });

  it("hides internals of an unexpected error behind a 500 problem", async () => {
    const res = await t.request("/__probe/crash");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret internal detail");
    expect(JSON.parse(text)).toMatchObject({ code: "internal_error", status: 500 });
  });
});

describe("CORS", () => {
  it("answers preflight requests with the API's headers", async () => {
    const res = await t.request("/__probe/user", {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "GET" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/X-Workspace-Id/);
  });
});

describe("GET /", () => {
  it("describes the service", async () => {
    const res = await t.request("/");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "FOS API", docs_url: "/docs", openapi_url: "/openapi.json" });
  });
});

describe("GET /select-workspace", () => {
  it("serves the selector page as HTML that only calls the API", async () => {
    const res = await t.request("/select-workspace");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("Choose a workspace");
    expect(html).toContain("/api/v1/workspaces");
    expect(html).toContain("textContent");
  });
});

describe("GET /health", () => {
  it("is 200 with every check ok", async () => {
    const res = await t.request("/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe("ok");
    expect(Object.keys(body.checks).sort()).toEqual(["cache", "database", "storage"]);
  });

  it("is 503 naming the dependency that is down", async () => {
    t.services.probes.push({ name: "broken", check: () => Promise.reject(new Error("connection refused")) });
    try {
      const res = await t.request("/health");
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; checks: Record<string, { status: string; error?: string }> };
      expect(body.status).toBe("degraded");
      expect(body.checks.broken).toMatchObject({ status: "down", error: "connection refused" });
      expect(body.checks.database!.status).toBe("ok");
    } finally {
      t.services.probes.pop();
    }
  });
});

describe("OpenAPI", () => {
  it("serves the document and the interactive reference", async () => {
    const doc = await t.request("/openapi.json");
    expect(doc.status).toBe(200);
    const body = (await doc.json()) as { openapi: string; components: { securitySchemes: Record<string, unknown> } };
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.components.securitySchemes)).toEqual(
      expect.arrayContaining(["bearerAuth", "workspaceId", "apiKey", "signedUrl"]),
    );
    const docs = await t.request("/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/openapi.json");
  });
});
