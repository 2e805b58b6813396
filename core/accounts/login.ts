import { startSession, type TokenPair } from "../auth/sessions.ts";
import { RateLimited, Unauthenticated } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import { viewAccount, type AccountView } from "./account-view.ts";
import { normalizeEmail } from "./password-policy.ts";

export type LoginDeps = Pick<
  AccountDeps,
  | "accounts"
  | "passwordHasher"
  | "rateLimiter"
  | "cache"
  | "storage"
  | "refreshTokens"
  | "now"
  | "jwtSecret"
  | "accessTokenTtlSeconds"
  | "refreshTokenTtlDays"
>;
export type LoginInput = { email: string; password: string; ip: string; userAgent?: string | null };
export type LoginResult = { tokens: TokenPair; account: AccountView };

/** Sign-in attempts per account (email) in the window; a success clears the count. */
export const LOGIN_ACCOUNT_LIMIT = 5;
/** Failed sign-ins per client address in the window, across accounts (password spraying). */
export const LOGIN_IP_FAILURE_LIMIT = 20;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * Verified when the email matches no usable account, so a failed login costs one Argon2id
 * verification either way and response time does not tell which emails exist. Same
 * parameters as the production hasher; the password it was made from was thrown away.
 */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$UzFexUcbj0lm8DYDz8nY7w$Kuhe2ySoLzfuI4dgi6WrGTU3E29iKSVnHR+6UU4Hia8";

const INVALID_CREDENTIALS = "the email or password is incorrect";

/**
 * Checks email and password and starts a session. Throttled per account and per client
 * address (429 with Retry-After); the error never says which of email or password was wrong.
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const ipBlockKey = `login:ip-blocked:${input.ip}`;
  const blockedUntil = Number(await deps.cache.get(ipBlockKey));
  const nowMs = deps.now().getTime();
  if (blockedUntil > nowMs) {
    throw new RateLimited(Math.max(1, Math.ceil((blockedUntil - nowMs) / 1000)), "too many failed sign-ins from this address");
  }
  const accountKey = `login:account:${email}`;
  const accountDecision = await deps.rateLimiter.hit(accountKey, LOGIN_ACCOUNT_LIMIT, LOGIN_WINDOW_SECONDS);
  if (!accountDecision.allowed) {
    throw new RateLimited(accountDecision.retryAfterSeconds, "too many sign-in attempts for this account");
  }

  const credentials = await deps.accounts.findCredentialsByEmail(email);
  const usable = credentials !== null && credentials.passwordHash !== null && credentials.account.isActive;
  const matches = await deps.passwordHasher.verify(usable ? credentials.passwordHash! : DUMMY_HASH, input.password);
  if (!usable || !matches) {
    const ipDecision = await deps.rateLimiter.hit(`login:ip-failures:${input.ip}`, LOGIN_IP_FAILURE_LIMIT, LOGIN_WINDOW_SECONDS);
    if (!ipDecision.allowed) {
      // Block the address outright, so a correct guess is not revealed while it is throttled.
      const seconds = ipDecision.retryAfterSeconds;
      await deps.cache.set(ipBlockKey, String(nowMs + seconds * 1000), seconds);
      throw new RateLimited(seconds, "too many failed sign-ins from this address");
    }
    throw new Unauthenticated(INVALID_CREDENTIALS, "invalid_credentials");
  }

  await deps.rateLimiter.reset(accountKey);
  const tokens = await startSession(deps, credentials.account.id, { ip: input.ip, userAgent: input.userAgent ?? null });
  const now = deps.now();
  await deps.accounts.recordLogin(credentials.account.id, now);
  return { tokens, account: await viewAccount(deps, { ...credentials.account, lastLoginAt: now }) };
}
