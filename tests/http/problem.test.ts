import { describe, expect, it } from "vitest";
import { problemFromDomainError } from "../../app/http/problem.ts";
import { Conflict, Invalid } from "../../core/errors.ts";

describe("problem documents", () => {
  it("never let an error's details override the standard members", () => {
    const doc = problemFromDomainError(new Conflict("job is running", { status: "running", code: "x", job_status: "running" }));
    expect(doc).toMatchObject({ status: 409, code: "conflict", title: "Conflict", detail: "job is running", job_status: "running" });
  });

  it("keep field errors as an extension member", () => {
    const doc = problemFromDomainError(new Invalid("bad", [{ field: "name", message: "is required" }]));
    expect(doc).toMatchObject({ status: 422, errors: [{ field: "name", message: "is required" }] });
  });
});
