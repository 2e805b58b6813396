import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(new URL("../../", import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/gm), ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1]!,
  );
}

// core/ is the domain: only zod and small pure libraries, nothing that does I/O.
const allowedInCore = [/^zod$/, /^@oslojs\//, /^uuid$/, /^@turf\//, /^csv-stringify\/sync$/];

describe("architecture", () => {
  it("core imports nothing from adapters, app or jobs, and no vendor SDK", () => {
    const offences: string[] = [];
    for (const file of sourceFiles(join(root, "core"))) {
      for (const spec of importsOf(file)) {
        const where = relative(root, file);
        if (spec.startsWith(".")) {
          const target = relative(root, resolve(file, "..", spec));
          if (!target.startsWith("core/")) offences.push(`${where} -> ${spec}`);
        } else if (!allowedInCore.some((re) => re.test(spec))) {
          offences.push(`${where} -> ${spec}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it("adapters do not import the app or jobs", () => {
    const offences = sourceFiles(join(root, "adapters")).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith("."))
        .map((spec) => relative(root, resolve(file, "..", spec)))
        .filter((target) => target.startsWith("app/") || target.startsWith("jobs/"))
        // Adapters may read the config type (composition data), nothing else from app/.
        .filter((target) => target !== "app/config/config-schema.ts")
        .map((target) => `${relative(root, file)} -> ${target}`),
    );
    expect(offences).toEqual([]);
  });
});
