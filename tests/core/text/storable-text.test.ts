import { describe, expect, it } from "vitest";
import { isStorableText, unstorablePath } from "../../../core/text/storable-text.ts";

describe("storable text", () => {
  it("refuses a NUL and an unpaired surrogate, accepts everything else (emoji included)", () => {
    expect(isStorableText("plain, accents é, emoji 😀, tabs\tand\nnewlines")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("a\ud800b")).toBe(false);
    expect(isStorableText("\udc00")).toBe(false);
  });

  it("names the first offending path, keys included", () => {
    expect(unstorablePath({ name: "ok", items: [{ title: "fine" }, { title: "a\u0000b" }] })).toBe("items.1.title");
    expect(unstorablePath({ ["bad\ud800key"]: 1 })).toBe("bad\ud800key");
    expect(unstorablePath("x\u0000")).toBe("");
    expect(unstorablePath({ n: 1, b: true, z: null, list: ["a", "b"] })).toBeNull();
  });
});
