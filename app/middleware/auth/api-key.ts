import type { MiddlewareHandler } from "hono";
import { hashSecretToken } from "../../../core/auth/secret-token.ts";
import { Unauthenticated } from "../../../core/errors.ts";
import type { AppEnv } from "../../context.ts";
import { assertTenantCurrent } from "./workspace-member.ts";

export const apiKeyHeader = "X-API-Key";
export const apiKeyPrefix = "fos_live_";

/**
 * Authenticates `X-API-Key: fos_live_...` (auth kind `api-key`). Keys are
 * looked up by SHA-256; a revoked, disabled or expired key answers 401 with the
 * same message as an unknown one, so probing reveals nothing.
 */
export function apiKeyAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(apiKeyHeader);
    if (!key) throw new Unauthenticated(`an ${apiKeyHeader} header is required`);
    const { authDirectory, tenantSchemas, now } = c.get("services");
    const at = now();
    const found = key.startsWith(apiKeyPrefix) ? await authDirectory.findApiKeyByHash(hashSecretToken(key)) : null;
    const usable =
      found && found.isActive && !found.revokedAt && (!found.expiresAt || found.expiresAt.getTime() > at.getTime());
    if (!found || !usable) throw new Unauthenticated("the API key is invalid or no longer active", "invalid_api_key");
    await assertTenantCurrent(tenantSchemas, found.schemaName);
    c.set("actor", {
      kind: "api-key",
      apiKeyId: found.id,
      userId: found.createdBy,
      scopes: found.scopes,
      // API keys act with member rights; scopes narrow them further per route.
      workspace: { id: found.workspaceId, schemaName: found.schemaName, role: "member" },
    });
    c.set("logger", c.get("logger").child({ api_key_id: found.id, workspace_id: found.workspaceId }));
    await authDirectory.touchApiKey(found.id, at);
    await next();
  };
}
