import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/**
 * A random 256-bit secret as base64url, for refresh, activation, invitation,
 * reset and impersonation tokens. Only its hash is ever stored.
 */
export function generateSecretToken(prefix = ""): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return prefix + encodeBase64urlNoPadding(bytes);
}

/** SHA-256 hex of a secret token: what the database stores and looks up by. */
export function hashSecretToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
