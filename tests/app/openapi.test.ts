import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderOpenApi } from "../../app/openapi/write-openapi.ts";

type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
};

describe("openapi.json", () => {
  const fresh = renderOpenApi();

  it("is committed and matches a fresh generation (run `npm run openapi`)", () => {
    const committed = readFileSync(new URL("../../openapi.json", import.meta.url), "utf8");
    expect(committed).toBe(fresh);
  });

  it("gives every operation an operationId, tag, summary and error responses", () => {
    const doc = JSON.parse(fresh) as { paths: Record<string, Record<string, Operation>> };
    const seen = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.operationId, where).toBeTruthy();
        expect(seen.has(op.operationId!), `${where}: duplicate operationId`).toBe(false);
        seen.add(op.operationId!);
        expect(op.tags?.length, where).toBeGreaterThan(0);
        expect(op.summary, where).toBeTruthy();
        expect(Object.keys(op.responses ?? {}).some((code) => /^4\d\d$/.test(code)), `${where}: no 4xx`).toBe(true);
      }
    }
  });

  it("uses the contract's operationId and section for every contract operation it serves", () => {
    const contract = JSON.parse(
      readFileSync(new URL("../../../shared/spec/endpoints.json", import.meta.url), "utf8"),
    ) as { method: string; path: string; operation_id: string; section: string }[];
    const doc = JSON.parse(fresh) as { paths: Record<string, Record<string, Operation>> };
    const shape = (p: string) => p.replace(/\{[^}]+\}/g, "{}");
    let matched = 0;
    for (const entry of contract) {
      const path = Object.keys(doc.paths).find((p) => shape(p) === shape(entry.path));
      const op = path ? doc.paths[path]![entry.method.toLowerCase()] : undefined;
      if (!op) continue;
      matched++;
      expect(op.operationId, `${entry.method} ${entry.path}`).toBe(entry.operation_id);
      expect(op.tags, `${entry.method} ${entry.path}`).toContain(entry.section);
    }
    expect(matched).toBeGreaterThan(0);
  });
});
