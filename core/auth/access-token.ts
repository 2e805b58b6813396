import {
  createJWTSignatureMessage,
  encodeJWT,
  JWSRegisteredHeaders,
  JWTRegisteredClaims,
  joseAlgorithmHS256,
  parseJWT,
} from "@oslojs/jwt";
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { Unauthenticated } from "../errors.ts";
import { isUuid } from "../ids.ts";

/** What an access token says about its bearer. */
export type AccessClaims = {
  /** User id. */
  sub: string;
  /** Refresh-token family the token was issued from (logout revokes the family). */
  sid: string;
  /** Token type: `access`, or `impersonation` when staff act as a user. */
  typ: "access" | "impersonation";
  /** For impersonation: the staff user acting. */
  act?: string;
};

export type VerifiedAccessToken = AccessClaims & { exp: Date; iat: Date; jti: string };

const ISSUER = "fos-api";

/**
 * Signs a short-lived HS256 JWT. The key comes from config (JWT_SECRET); the
 * lifetime is ACCESS_TOKEN_TTL_SECONDS (15 minutes by default).
 */
export function issueAccessToken(
  secret: string,
  claims: AccessClaims,
  ttlSeconds: number,
  now: Date,
  jti: string,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const header = JSON.stringify({ alg: joseAlgorithmHS256, typ: "JWT" });
  const payload = JSON.stringify({ iss: ISSUER, iat, exp, jti, ...claims });
  const signature = hmac(SHA256, new TextEncoder().encode(secret), createJWTSignatureMessage(header, payload));
  return { token: encodeJWT(header, payload, signature), expiresAt: new Date(exp * 1000) };
}

/**
 * Verifies signature, algorithm, issuer and expiry. Throws `Unauthenticated`
 * with code `token_expired` or `invalid_token`; never says more than that.
 */
export function verifyAccessToken(secret: string, token: string, now: Date): VerifiedAccessToken {
  const invalid = (): never => {
    throw new Unauthenticated("the access token is invalid", "invalid_token");
  };
  let header: object, payload: object, signature: Uint8Array, message: Uint8Array;
  try {
    [header, payload, signature, message] = parseJWT(token);
  } catch {
    return invalid();
  }
  const headers = new JWSRegisteredHeaders(header);
  if (!headers.hasAlgorithm() || headers.algorithm() !== joseAlgorithmHS256) return invalid();
  const expected = hmac(SHA256, new TextEncoder().encode(secret), message);
  if (signature.length !== expected.length || !constantTimeEqual(signature, expected)) return invalid();

  const registered = new JWTRegisteredClaims(payload);
  try {
    if (!registered.hasIssuer() || registered.issuer() !== ISSUER) return invalid();
    if (!registered.hasExpiration() || !registered.hasIssuedAt() || !registered.hasJWTId()) return invalid();
  } catch {
    return invalid();
  }
  if (registered.expiration().getTime() <= now.getTime()) {
    throw new Unauthenticated("the access token has expired", "token_expired");
  }
  const body = payload as Record<string, unknown>;
  // Ids are UUIDs: anything else never reaches the lookups (whose SQL casts them).
  if (typeof body.sub !== "string" || typeof body.sid !== "string" || !isUuid(body.sub) || !isUuid(body.sid)) return invalid();
  if (body.typ !== "access" && body.typ !== "impersonation") return invalid();
  return {
    sub: body.sub,
    sid: body.sid,
    typ: body.typ,
    ...(typeof body.act === "string" ? { act: body.act } : {}),
    exp: registered.expiration(),
    iat: registered.issuedAt(),
    jti: registered.jwtId(),
  };
}
