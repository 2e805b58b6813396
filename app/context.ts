import type { Actor } from "../core/auth/actor.ts";
import type { MembershipStanding } from "../core/ports/auth-directory.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { Services } from "./composition/services.ts";

/** Variables every handler can read with `c.get(...)`. */
export type AppVariables = {
  services: Services;
  requestId: string;
  logger: Logger;
  /** Set by the auth middleware of routes that require credentials. */
  actor: Actor;
  /**
   * The membership `bearerUser` looked up with the user (one round trip) for the request's
   * `X-Workspace-Id`, for `workspaceMember` to use instead of asking again.
   */
  membershipPrefetch?: { workspaceId: string; membership: MembershipStanding | null };
};

export type AppEnv = { Variables: AppVariables };
