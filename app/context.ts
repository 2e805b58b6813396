import type { Actor } from "../core/auth/actor.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { Services } from "./composition/services.ts";

/** Variables every handler can read with `c.get(...)`. */
export type AppVariables = {
  services: Services;
  requestId: string;
  logger: Logger;
  /** Set by the auth middleware of routes that require credentials. */
  actor: Actor;
};

export type AppEnv = { Variables: AppVariables };
