import type { Actor } from "../auth/actor.ts";
import { ensureMember } from "../members/ensure-member.ts";
import { NotFound } from "../errors.ts";
import { provisionWorkspace, type ProvisionWorkspaceDeps } from "./provision-workspace.ts";
import { actingUserId } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { MemberWorkspace } from "./workspace-repository.ts";

export type CreateWorkspaceInput = { name: string; settings?: Record<string, unknown> };

export type CreateWorkspaceDeps = ProvisionWorkspaceDeps & Pick<WorkspaceDeps, "workspaces" | "members" | "cache" | "now">;

/**
 * Creates a workspace owned by the caller: provisioned like at signup (tenant schema with
 * every migration, owner membership and tenant member record, the base settings every
 * workspace starts with, a subscription on the default plan), all or nothing. No sample
 * data: tenants start clean.
 */
export async function createWorkspace(deps: CreateWorkspaceDeps, actor: Actor, input: CreateWorkspaceInput): Promise<MemberWorkspace> {
  const userId = actingUserId(actor);
  const owner = await deps.workspaces.findUserById(userId);
  if (!owner) throw new NotFound("user", userId);
  const { workspace } = await provisionWorkspace(deps, { name: input.name, owner: { userId, email: owner.email } });
  await ensureMember(deps, { id: workspace.id, schemaName: workspace.schemaName }, userId);
  if (input.settings) await deps.workspaces.update(workspace.id, { settings: input.settings }, deps.now());
  const created = await deps.workspaces.findForMember(workspace.id, userId);
  if (!created) throw new NotFound("workspace", workspace.id);
  return created;
}
