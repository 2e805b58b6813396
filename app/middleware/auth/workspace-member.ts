import type { MiddlewareHandler } from "hono";
import { isUuid } from "../../../core/ids.ts";
import { Invalid, MigrationRequired, NotFound } from "../../../core/errors.ts";
import type { AppEnv } from "../../context.ts";

export const workspaceHeader = "X-Workspace-Id";

/**
 * After {@link bearerUser}: reads `X-Workspace-Id`, requires an active
 * membership (a workspace the caller is not in answers 404, like one that does
 * not exist), and refuses with 503 while the tenant schema is behind.
 */
export function workspaceMember(): MiddlewareHandler<AppEnv> {
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
    const membership = await authDirectory.findMembership(workspaceId, actor.userId);
    if (!membership) throw new NotFound("workspace", workspaceId);
    await assertTenantCurrent(tenantSchemas, membership.schemaName);
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
