import { defineConfig } from "vitest/config";

// Tests run against the embedded twins by default (PGlite, in-process cache, local storage).
// With DATABASE_URL / REDIS_URL set they run against real Postgres+PostGIS and Redis (CI).
const shared = {
  globalSetup: ["tests/support/global-setup.ts"],
  pool: "forks" as const,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    // Two cores: more workers only add contention.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: "unit-and-adapters",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/routes/**"],
        },
      },
      {
        test: {
          ...shared,
          // Route tests share one app (and database) per worker: see sharedTestApp().
          name: "routes",
          include: ["tests/routes/**/*.test.ts"],
          isolate: false,
        },
      },
    ],
  },
});
