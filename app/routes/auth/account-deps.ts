import type { Context } from "hono";
import type { AccountDeps } from "../../../core/accounts/account-deps.ts";
import type { ClientInfo } from "../../../core/auth/sessions.ts";
import type { Services } from "../../composition/services.ts";
import type { AppEnv } from "../../context.ts";
import { clientIp } from "../../middleware/client-ip.ts";

/** The ports and settings the account use-cases need, from the app's services. */
export function accountDeps(services: Services): AccountDeps {
  return {
    accounts: services.accounts,
    passwordHasher: services.passwordHasher,
    oneTimeTokens: services.oneTimeTokens,
    refreshTokens: services.refreshTokens,
    mailer: services.mailer,
    storage: services.storage,
    rateLimiter: services.rateLimiter,
    cache: services.cache,
    logger: services.logger,
    now: services.now,
    jwtSecret: services.secrets.jwt,
    accessTokenTtlSeconds: services.config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: services.config.REFRESH_TOKEN_TTL_DAYS,
    publicUrl: services.config.PUBLIC_URL,
  };
}

/** Address and user agent of the caller, recorded on sessions. */
export function requestClient(c: Context<AppEnv>): { ip: string; userAgent: string | null } & ClientInfo {
  return {
    ip: clientIp(c, c.get("services").config.TRUST_PROXY),
    userAgent: c.req.header("user-agent")?.slice(0, 512) ?? null,
  };
}
