import type { MiddlewareHandler } from "hono";
import { verifyUrlSignature } from "../../../core/signing/url-signature.ts";
import { Forbidden, Unauthenticated } from "../../../core/errors.ts";
import type { AppEnv } from "../../context.ts";

/**
 * Requires `?exp=<unix seconds>&sig=<hmac>` made by `signUrl` for this method
 * and path (auth kind `signed-url`). Missing or forged: 401; expired: 403.
 */
export function signedUrl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { secrets, now } = c.get("services");
    const url = new URL(c.req.url);
    // HEAD requests use the GET signature: they read the same resource.
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    const check = verifyUrlSignature(
      secrets.urlSigning,
      method,
      url.pathname,
      url.searchParams.get("exp") ?? undefined,
      url.searchParams.get("sig") ?? undefined,
      now(),
    );
    if (check === "invalid") throw new Unauthenticated("the URL signature is missing or invalid", "invalid_signature");
    if (check === "expired") throw new Forbidden("the signed URL has expired; request a fresh one");
    await next();
  };
}
