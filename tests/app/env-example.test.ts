import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../app/config/config-schema.ts";

describe(".env.example", () => {
  it("lists every configuration variable", () => {
    const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const listed = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = Object.keys(configSchema.shape).filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });
});
