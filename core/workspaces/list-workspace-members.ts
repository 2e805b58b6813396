import type { Actor } from "../auth/actor.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { Paged, WorkspaceMemberEntry } from "./workspace-repository.ts";

export type ListWorkspaceMembersInput = {
  workspaceId: string;
  page: number;
  pageSize: number;
  /** Matches name or email, case-insensitively. */
  search?: string;
  /** `active`: members only; `pending`: open invitations only; absent: both. */
  status?: "active" | "pending";
};

/** Members and pending invitations of a workspace. Requires `can_view_member` (every role by default). */
export async function listWorkspaceMembers(
  deps: Pick<WorkspaceDeps, "workspaces" | "permissionOverrides" | "now">,
  actor: Actor,
  input: ListWorkspaceMembersInput,
): Promise<Paged<WorkspaceMemberEntry>> {
  const { workspace } = await enterWorkspace(deps, actor, input.workspaceId, "can_view_member");
  return await deps.workspaces.listMembers(
    workspace.id,
    {
      page: input.page,
      pageSize: input.pageSize,
      ...(input.search ? { search: input.search } : {}),
      ...(input.status ? { status: input.status } : {}),
    },
    deps.now(),
  );
}
