import { defineConfig } from "vitest/config";

// Tests run against the embedded twins by default (PGlite, in-process cache, local storage).
// With DATABASE_URL / REDIS_URL set they run against real Postgres+PostGIS and Redis (CI).
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only add contention.
    maxWorkers: 2,
  },
});
