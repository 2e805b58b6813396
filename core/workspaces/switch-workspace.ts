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
  deps: Pick<WorkspaceDeps, "workspaces" | "authDirectory" | "permissionOverrides">,
  actor: Actor,
  workspaceId: string,
): Promise<WorkspaceSwitch> {
  const userId = actingUserId(actor);
  const [workspace, standing] = await Promise.all([
    deps.workspaces.findForMember(workspaceId, userId),
    deps.authDirectory.findMembership(workspaceId, userId),
  ]);
  if (!workspace || !standing) throw new Forbidden("you are not a member of this workspace");
  const overrides = await deps.permissionOverrides.forRole(standing.schemaName, standing.role);
  const permissions = permissionCatalog.filter((p) => roleHolds(standing.role, p.name, overrides)).map((p) => p.name);
  return { workspace, role: standing.role, permissions };
}
