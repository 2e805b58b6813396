import type { MiddlewareHandler } from "hono";
import { isUuid } from "../../../core/ids.ts";
import { Invalid, MigrationRequired, NotFound } from "../../../core/errors.ts";
import type { AppEnv } from "../../context.ts";

export const workspaceHeader = "X-Workspace-Id";

/** Options of {@link workspaceMember}. */
export type WorkspaceMemberOptions = {
  /**
   * Let the request through while the tenant schema is behind. Only for routes
   * that must work during an upgrade (Workspace Health: report it, start it,
   * follow it) and that touch no tenant table a pending migration may change.
   */
  allowPendingMigrations?: boolean;
};

/**
 * After {@link bearerUser}: reads `X-Workspace-Id`, requires an active
 * membership (a workspace the caller is not in answers 404, like one that does
 * not exist), and refuses with 503 while the tenant schema is behind (unless
 * `allowPendingMigrations`).
 */
export function workspaceMember(options: WorkspaceMemberOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get("actor");
    if (actor.kind !== "user") throw new Error("workspaceMember() must follow bearerUser()");
    const workspaceId = c.req.header(workspaceHeader);
    if (!workspaceId) {
      throw new Invalid(`the ${workspaceHeader} header is required`, [
        { field: `header.${workspaceHeader}`, message: "required" },
      ]);
    }
    if (!isUuid(workspaceId)) {
      throw new Invalid(`the ${workspaceHeader} header must be a UUID`, [
        { field: `header.${workspaceHeader}`, message: "must be a UUID" },
      ]);
    }
    const { authDirectory, tenantSchemas } = c.get("services");
    const prefetched = c.get("membershipPrefetch");
    const membership = prefetched?.workspaceId === workspaceId ? prefetched.membership : await authDirectory.findMembership(workspaceId, actor.userId);
    if (!membership) throw new NotFound("workspace", workspaceId);
    if (!options.allowPendingMigrations) await assertTenantCurrent(tenantSchemas, membership.schemaName);
    c.set("actor", {
      ...actor,
      workspace: { id: membership.workspaceId, schemaName: membership.schemaName, role: membership.role },
    });
    c.set("logger", c.get("logger").child({ workspace_id: workspaceId }));
    await next();
  };
}

/** 503 `migration_required` while the tenant schema has pending migrations. */
export async function assertTenantCurrent(
  tenantSchemas: { isCurrent(schemaName: string): Promise<boolean> },
  schemaName: string,
): Promise<void> {
  if (!(await tenantSchemas.isCurrent(schemaName))) {
    throw new MigrationRequired("this workspace's data is being upgraded; try again shortly");
  }
}
