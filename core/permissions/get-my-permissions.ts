import type { Actor } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import type { PermissionOverrides } from "./authorize.ts";
import { rolePermissions, type RolePermissions } from "./role-permissions.ts";

export type GetMyPermissionsDeps = { permissionOverrides: PermissionOverrides };

/** The caller's effective grants in the current workspace: their role's defaults plus the workspace's overrides. */
export async function getMyPermissions(deps: GetMyPermissionsDeps, actor: Actor): Promise<RolePermissions> {
  const workspace = actor.workspace;
  if (!workspace) throw new Forbidden("a workspace is required");
  const overrides = await deps.permissionOverrides.forRole(workspace.schemaName, workspace.role);
  return rolePermissions(workspace.role, overrides);
}
