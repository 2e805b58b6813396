import type { SessionDeps } from "../auth/sessions.ts";
import type { Cache } from "../ports/cache.ts";
import type { Logger } from "../ports/logger.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import type { OneTimeTokenStore } from "../ports/one-time-token-store.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { RateLimiter } from "../ports/rate-limiter.ts";
import type { AccountRepository } from "./account-repository.ts";

/**
 * Every port the account use-cases draw from. Each use-case takes a `Pick` of it
 * naming only what it uses; the app builds one from `Services` (app/routes/auth/account-deps.ts).
 */
export type AccountDeps = SessionDeps & {
  accounts: AccountRepository;
  passwordHasher: PasswordHasher;
  oneTimeTokens: OneTimeTokenStore;
  mailer: Mailer;
  storage: ObjectStorage;
  rateLimiter: RateLimiter;
  cache: Cache;
  logger: Logger;
  /** Base of links in emails (config PUBLIC_URL). */
  publicUrl: string;
};
