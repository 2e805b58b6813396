import type { Actor, Role } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import { roleHolds } from "../permissions/authorize.ts";
import { permissionCatalog, type PermissionName } from "../permissions/catalog.ts";
import { actingUserId } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { MemberWorkspace } from "./workspace-repository.ts";

/** What a client needs to start working in a workspace. */
export type WorkspaceSwitch = {
  workspace: MemberWorkspace;
  role: Role;
  /** The caller's effective permissions there (role defaults plus the workspace's overrides). */
  permissions: PermissionName[];
};

/**
 * Makes a workspace the active one. Access tokens are not bound to a workspace (requests
 * name it in `X-Workspace-Id`), so switching hands back the context the client keeps:
 * the workspace, the caller's role and permissions. Not a member: 403, whether or not the
 * workspace exists.
 */
export async function switchWorkspace(
  deps: Pick<WorkspaceDeps, "workspaces" | "permissionOverrides">,
  actor: Actor,
  workspaceId: string,
): Promise<WorkspaceSwitch> {
  const userId = actingUserId(actor);
  const workspace = await deps.workspaces.findForMember(workspaceId, userId);
  if (!workspace) throw new Forbidden("you are not a member of this workspace");
  const overrides = await deps.permissionOverrides.forRole(workspace.schemaName, workspace.role);
  const permissions = permissionCatalog.filter((p) => roleHolds(workspace.role, p.name, overrides)).map((p) => p.name);
  return { workspace, role: workspace.role, permissions };
}
