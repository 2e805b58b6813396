import { describe, expect, it } from "vitest";
import type { ObjectStorage } from "../../../core/ports/object-storage.ts";
import { removeObjects } from "../../../core/storage/remove-objects.ts";

/** A storage whose `delete` records keys and fails for the ones named. */
function storage(failing: ReadonlySet<string>): { storage: ObjectStorage; deleted: string[] } {
  const deleted: string[] = [];
  const fake = {
    delete: async (key: string) => {
      await new Promise((r) => setTimeout(r, 1));
      if (failing.has(key)) throw new Error(`cannot delete ${key}`);
      deleted.push(key);
    },
  } as unknown as ObjectStorage;
  return { storage: fake, deleted };
}

describe("removeObjects", () => {
  it("deletes every key, keeps going past failures, logs and counts them", async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k/${i}`);
    const { storage: s, deleted } = storage(new Set(["k/3", "k/17"]));
    const warnings: unknown[] = [];
    const logger = { warn: (msg: string, fields: unknown) => warnings.push([msg, fields]) } as never;
    expect(await removeObjects(s, keys, logger)).toBe(2);
    expect(new Set(deleted)).toEqual(new Set(keys.filter((k) => k !== "k/3" && k !== "k/17")));
    expect(warnings).toHaveLength(2);
  });

  it("does nothing for no keys", async () => {
    const { storage: s, deleted } = storage(new Set());
    expect(await removeObjects(s, [])).toBe(0);
    expect(deleted).toEqual([]);
  });
});
