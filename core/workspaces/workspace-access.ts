import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { authorize } from "../permissions/authorize.ts";
import type { PermissionName } from "../permissions/catalog.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { MemberWorkspace } from "./workspace-repository.ts";

/** The caller inside a workspace named by the request (path or body), membership checked. */
export type WorkspaceEntry = { actor: Actor; workspace: MemberWorkspace; userId: string };

/**
 * Enters the workspace `workspaceId` as the actor (routes of auth kind `user-global`
 * carry the workspace in the path or body, not in `X-Workspace-Id`). A workspace the
 * caller is not an active member of answers 404, exactly like one that does not exist.
 * With `permission`, also requires it (403), honouring the workspace's role overrides.
 */
export async function enterWorkspace(
  deps: Pick<WorkspaceDeps, "workspaces" | "permissionOverrides">,
  actor: Actor,
  workspaceId: string,
  permission?: PermissionName,
): Promise<WorkspaceEntry> {
  const userId = actingUserId(actor);
  const workspace = await deps.workspaces.findForMember(workspaceId, userId);
  if (!workspace) throw new NotFound("workspace", workspaceId);
  const inside: Actor = { ...actor, workspace: { id: workspace.id, schemaName: workspace.schemaName, role: workspace.role } };
  if (permission) await authorize(deps, inside, permission);
  return { actor: inside, workspace, userId };
}

/** The user behind the actor (API keys act for the user who created them). */
export function actingUserId(actor: Actor): string {
  if (!actor.userId) throw new NotFound("user");
  return actor.userId;
}
