import { describe, expect, it } from "vitest";
import { ServiceUnavailable } from "../../../core/errors.ts";
import { jsonAnswer } from "../../../core/llm/json-answer.ts";

describe("jsonAnswer", () => {
  it("keeps clean JSON, unwraps fences and lead-in prose", () => {
    expect(jsonAnswer(' {"a":1} ')).toBe('{"a":1}');
    expect(jsonAnswer('```json\n{"a":[1,2]}\n```')).toBe('{"a":[1,2]}');
    expect(jsonAnswer('Sure! Here is the result: {"ok": true}. Anything else?')).toBe('{"ok": true}');
    expect(jsonAnswer("The list: [1, 2, 3]")).toBe("[1, 2, 3]");
  });

  it("throws ServiceUnavailable when there is no JSON to be found", () => {
    expect(() => jsonAnswer("I cannot help with that.")).toThrow(ServiceUnavailable);
    expect(() => jsonAnswer('{"a": 1')).toThrow(ServiceUnavailable);
  });
});
