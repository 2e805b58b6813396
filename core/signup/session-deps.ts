import type { SessionDeps } from "../auth/sessions.ts";
import type { RefreshTokenStore } from "../ports/refresh-token-store.ts";

/** The parts of the app's services a session needs (structural, so core stays config-free). */
export type SessionSource = {
  refreshTokens: RefreshTokenStore;
  now(): Date;
  secrets: { jwt: string };
  config: { ACCESS_TOKEN_TTL_SECONDS: number; REFRESH_TOKEN_TTL_DAYS: number };
};

/** Session settings from the services: signing key and token lifetimes from config. */
export function sessionDepsFrom(source: SessionSource): SessionDeps {
  return {
    refreshTokens: source.refreshTokens,
    now: source.now,
    jwtSecret: source.secrets.jwt,
    accessTokenTtlSeconds: source.config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: source.config.REFRESH_TOKEN_TTL_DAYS,
  };
}
