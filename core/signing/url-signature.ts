import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase64urlNoPadding, decodeBase64urlIgnorePadding } from "@oslojs/encoding";

/**
 * HMAC-SHA256 signatures for expiring URLs (`?exp=<unix seconds>&sig=<base64url>`).
 * The signature covers the HTTP method, the path and the expiry, so a download URL
 * cannot be replayed as an upload and a signed path cannot be edited.
 *
 * @example
 * const sig = signUrl(secret, "GET", "/api/v1/uploads/a.png", exp);
 * verifyUrlSignature(secret, "GET", "/api/v1/uploads/a.png", String(exp), sig, new Date()); // true
 */
export function signUrl(secret: string, method: string, path: string, exp: number): string {
  const message = new TextEncoder().encode(`${method.toUpperCase()}\n${path}\n${exp}`);
  return encodeBase64urlNoPadding(hmac(SHA256, new TextEncoder().encode(secret), message));
}

export type UrlSignatureCheck = "valid" | "expired" | "invalid";

/** Checks a signature made by {@link signUrl}; `exp` and `sig` are the raw query values. */
export function verifyUrlSignature(
  secret: string,
  method: string,
  path: string,
  exp: string | undefined,
  sig: string | undefined,
  now: Date,
): UrlSignatureCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return "invalid";
  let given: Uint8Array;
  try {
    given = decodeBase64urlIgnorePadding(sig);
  } catch {
    return "invalid";
  }
  const expected = decodeBase64urlIgnorePadding(signUrl(secret, method, path, Number(exp)));
  if (given.length !== expected.length || !constantTimeEqual(given, expected)) return "invalid";
  return Number(exp) * 1000 < now.getTime() ? "expired" : "valid";
}

/** Appends `exp` and `sig` to `baseUrl + path` for a URL valid for `expiresInSeconds`. */
export function buildSignedUrl(
  secret: string,
  method: string,
  baseUrl: string,
  path: string,
  expiresInSeconds: number,
  now: Date = new Date(),
): { url: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + expiresInSeconds;
  const sig = signUrl(secret, method, path, exp);
  return { url: `${baseUrl.replace(/\/$/, "")}${path}?exp=${exp}&sig=${sig}`, expiresAt: new Date(exp * 1000) };
}
