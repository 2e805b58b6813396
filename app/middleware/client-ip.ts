import type { Context } from "hono";

type RuntimeEnv = {
  // @hono/node-server passes the Node request as `incoming`.
  incoming?: { socket?: { remoteAddress?: string } };
  // Deno.serve passes its ServeHandlerInfo as the second fetch argument.
  remoteAddr?: { hostname?: string };
};

/**
 * The client's address: the first `X-Forwarded-For` hop when the service sits
 * behind a trusted proxy (TRUST_PROXY=true), else the socket's peer address.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = (c.env ?? {}) as RuntimeEnv;
  return env.incoming?.socket?.remoteAddress ?? env.remoteAddr?.hostname ?? "unknown";
}
