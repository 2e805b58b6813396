import type { MiddlewareHandler } from "hono";
import { verifyAccessToken } from "../../../core/auth/access-token.ts";
import { Unauthenticated } from "../../../core/errors.ts";
import { isUuid } from "../../../core/ids.ts";
import type { AppEnv } from "../../context.ts";
import { workspaceHeader } from "./workspace-member.ts";

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1]! : null;
}

/**
 * Requires a valid access token (auth kind `user-global`): signature, expiry,
 * an active user and a session that logout has not revoked. Sets `actor`.
 */
export function bearerUser(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { secrets, authDirectory, now } = c.get("services");
    const token = bearerToken(c.req.header("authorization"));
    if (!token) throw new Unauthenticated("a Bearer access token is required");
    const at = now();
    const claims = verifyAccessToken(secrets.jwt, token, at);
    // The workspace header (checked properly by workspaceMember) rides along: user, session
    // and membership in one round trip.
    const header = c.req.header(workspaceHeader);
    const workspaceId = header && isUuid(header) ? header : undefined;
    const { user, sessionActive, membership } = await authDirectory.findPrincipal({ userId: claims.sub, sessionId: claims.sid, now: at, workspaceId });
    if (!user || !user.isActive) throw new Unauthenticated("the account is inactive or gone", "account_inactive");
    if (!sessionActive) throw new Unauthenticated("the session has ended; sign in again", "session_revoked");
    c.set("actor", {
      kind: "user",
      userId: user.id,
      sessionId: claims.sid,
      isStaff: user.isStaff,
      isSuperuser: user.isSuperuser,
      ...(claims.act ? { impersonatorId: claims.act } : {}),
    });
    if (workspaceId) c.set("membershipPrefetch", { workspaceId, membership });
    c.set("logger", c.get("logger").child({ user_id: user.id }));
    await next();
  };
}
