import { Invalid } from "../../core/errors.ts";

/** The longest a signed URL may live: 7 days, the S3 SigV4 maximum, for both adapters. */
export const MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600;

/** Checks `expiresInSeconds` is a whole number of seconds in 1..7 days. */
export function assertSignedUrlExpiry(expiresInSeconds: number): number {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_SIGNED_URL_SECONDS) {
    throw new Invalid("signed URL expiry must be 1 second to 7 days", [
      { field: "expires_in", message: `must be an integer between 1 and ${MAX_SIGNED_URL_SECONDS}` },
    ]);
  }
  return expiresInSeconds;
}
