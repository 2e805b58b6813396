import { describe, expect, it } from "vitest";
import { issueAccessToken, verifyAccessToken } from "../../core/auth/access-token.ts";
import { Unauthenticated } from "../../core/errors.ts";

const secret = "s".repeat(40);
const now = new Date("2026-01-01T00:00:00Z");
const claims = { sub: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20", sid: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a21", typ: "access" as const };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof Unauthenticated) return e.code;
    throw e;
  }
  return undefined;
}

describe("access tokens", () => {
  it("round-trips claims and expires after the TTL", () => {
    const { token, expiresAt } = issueAccessToken(secret, claims, 900, now, "jti-1");
    expect(expiresAt.toISOString()).toBe("2026-01-01T00:15:00.000Z");
    const verified = verifyAccessToken(secret, token, new Date(now.getTime() + 899_000));
    expect(verified).toMatchObject({ ...claims, jti: "jti-1" });
    expect(codeOf(() => verifyAccessToken(secret, token, new Date(now.getTime() + 900_000)))).toBe("token_expired");
  });

  it("refuses another key, a tampered payload and garbage", () => {
    const { token } = issueAccessToken(secret, claims, 900, now, "jti-1");
    expect(codeOf(() => verifyAccessToken("k".repeat(40), token, now))).toBe("invalid_token");
    const [h, p, s] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), sub: "admin" })).toString("base64url");
    expect(codeOf(() => verifyAccessToken(secret, `${h}.${forged}.${s}`, now))).toBe("invalid_token");
    expect(codeOf(() => verifyAccessToken(secret, "not.a.jwt", now))).toBe("invalid_token");
    expect(codeOf(() => verifyAccessToken(secret, "", now))).toBe("invalid_token");
  });

  it("refuses a correctly signed token whose user or session id is not a UUID", () => {
    for (const odd of [{ sub: "user-1" }, { sid: "session-1" }]) {
      const { token } = issueAccessToken(secret, { ...claims, ...odd }, 900, now, "jti-1");
      expect(codeOf(() => verifyAccessToken(secret, token, now))).toBe("invalid_token");
    }
  });

  it("refuses the none algorithm", () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ iss: "fos-api", sub: "u", sid: "s", typ: "access", iat: 1, exp: 9e9, jti: "j" })).toString("base64url");
    expect(codeOf(() => verifyAccessToken(secret, `${header}.${payload}.`, now))).toBe("invalid_token");
  });
});
