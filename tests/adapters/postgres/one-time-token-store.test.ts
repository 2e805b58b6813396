import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresOneTimeTokenStore } from "../../../adapters/postgres/accounts/postgres-one-time-token-store.ts";
import type { DatabaseHandle } from "../../../adapters/postgres/open-database.ts";
import { Argon2PasswordHasher } from "../../../adapters/crypto/argon2-password-hasher.ts";
import { closeTestDatabase, openTestDatabase } from "../../support/test-database.ts";

let handle: DatabaseHandle;
let store: PostgresOneTimeTokenStore;
beforeAll(async () => {
  handle = await openTestDatabase();
  store = new PostgresOneTimeTokenStore(handle.db);
});
afterAll(async () => closeTestDatabase(handle));

const now = () => new Date();

describe("one-time tokens", () => {
  it("issues a 256-bit token stored only as a hash, peekable until used once", async () => {
    const { token, record } = await store.issue({ kind: "password_reset", email: "A@x.test", ttlSeconds: 3600 }, now());
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = await handle.db.selectFrom("one_time_tokens").select("token_hash").where("id", "=", record.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await store.peek("password_reset", token, now()))?.email).toBe("a@x.test");
    expect((await store.consume("password_reset", token, now()))?.id).toBe(record.id);
    expect(await store.consume("password_reset", token, now())).toBeNull();
    expect(await store.peek("password_reset", token, now())).toBeNull();
  });

  it("refuses another kind and an expired token", async () => {
    const { token } = await store.issue({ kind: "activation", ttlSeconds: 60 }, now());
    expect(await store.consume("password_reset", token, now())).toBeNull();
    expect(await store.consume("activation", token, new Date(Date.now() + 61_000))).toBeNull();
  });

  it("lets exactly one of two concurrent uses win", async () => {
    const { token } = await store.issue({ kind: "invitation", ttlSeconds: 60 }, now());
    const results = await Promise.all([store.consume("invitation", token, now()), store.consume("invitation", token, now())]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("Argon2 password hasher", () => {
  it("verifies the right password only, and never throws on a bad hash", async () => {
    const hasher = new Argon2PasswordHasher();
    const hashed = await hasher.hash("correct horse");
    expect(hashed).toMatch(/^\$argon2id\$/);
    expect(await hasher.verify(hashed, "correct horse")).toBe(true);
    expect(await hasher.verify(hashed, "wrong")).toBe(false);
    expect(await hasher.verify("not-a-hash", "x")).toBe(false);
  });
});
