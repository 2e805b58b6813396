import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { hashSecretToken } from "../auth/secret-token.ts";
import { startSession, type ClientInfo, type SessionDeps, type TokenPair } from "../auth/sessions.ts";
import { Conflict, Forbidden, ServiceUnavailable, Unauthenticated } from "../errors.ts";
import { normalizeEmail } from "../accounts/password-policy.ts";
import type { SignupUserStore } from "./signup-user-store.ts";

export type CheckClerkUserDeps = {
  signupUsers: SignupUserStore;
  session: SessionDeps;
  /** CLERK_SECRET; unset disables the check (503). */
  clerkSecret: string | undefined;
};

export type ClerkCheckResult = { exists: false } | { exists: true; user_id: string; tokens: TokenPair };

/** True when `given` equals `expected`; constant time over their SHA-256 hashes (any lengths). */
export function secretMatches(expected: string, given: string): boolean {
  const encode = (s: string): Uint8Array => new TextEncoder().encode(hashSecretToken(s));
  return constantTimeEqual(encode(expected), encode(given));
}

/**
 * Called by the Clerk-facing frontend server with the shared secret: does a user with this
 * Clerk id (or, failing that, this email) exist? If so, a session for them (and the Clerk id
 * is linked to an account that had none). Never creates users. Secret unset: 503; missing or
 * wrong: 401; email owned by an account linked to another Clerk id: 409; inactive: 403.
 */
export async function checkClerkUser(
  deps: CheckClerkUserDeps,
  secret: string | null,
  input: { clerkId: string; email: string },
  client: ClientInfo = {},
): Promise<ClerkCheckResult> {
  if (!deps.clerkSecret) throw new ServiceUnavailable("Clerk sign-in is not configured on this server");
  if (!secret || !secretMatches(deps.clerkSecret, secret)) throw new Unauthenticated("invalid Clerk secret", "invalid_clerk_secret");

  let user = await deps.signupUsers.findByClerkId(input.clerkId);
  if (!user) {
    const byEmail = await deps.signupUsers.findByEmail(normalizeEmail(input.email));
    if (!byEmail) return { exists: false };
    if (byEmail.clerkId && byEmail.clerkId !== input.clerkId) {
      throw new Conflict("this email belongs to an account linked to another Clerk user");
    }
    if (!byEmail.clerkId && !(await deps.signupUsers.linkClerkId(byEmail.id, input.clerkId))) {
      throw new Conflict("this Clerk user is already linked to another account");
    }
    user = byEmail;
  }
  if (!user.isActive) throw new Forbidden("this account is deactivated");
  return { exists: true, user_id: user.id, tokens: await startSession(deps.session, user.id, client) };
}
