import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/config/load-config.ts";
import { tuneHeapGrowth } from "../../app/runtime/heap-tuning.ts";

describe("loadConfig", () => {
  it("selects embedded defaults when no service variable is set", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.S3_BUCKET).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("coerces numbers and booleans", () => {
    const config = loadConfig({ PORT: "9001", S3_FORCE_PATH_STYLE: "true", RUN_WORKER: "0" });
    expect(config.PORT).toBe(9001);
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
    expect(config.RUN_WORKER).toBe(false);
  });

  it("tunes the heap's growth to 50% by default; 0 keeps V8's own, and a value out of range is refused", () => {
    expect(loadConfig({}).NODE_HEAP_GROWING_PERCENT).toBe(50);
    expect(loadConfig({ NODE_HEAP_GROWING_PERCENT: "0" }).NODE_HEAP_GROWING_PERCENT).toBe(0);
    expect(() => loadConfig({ NODE_HEAP_GROWING_PERCENT: "-5" })).toThrow(/NODE_HEAP_GROWING_PERCENT/);
    expect(() => tuneHeapGrowth(50)).not.toThrow();
  });

  it("names every wrong variable and what it expects", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "not a url", JWT_SECRET: "short", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ["PORT", "DATABASE_URL", "JWT_SECRET", "LOG_LEVEL"]) expect(message).toContain(name);
    expect(message).toContain('(got "eighty")');
    expect(message).toContain("at least 32 characters");
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it("requires JWT_SECRET in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(32) }).NODE_ENV).toBe("production");
  });
});
