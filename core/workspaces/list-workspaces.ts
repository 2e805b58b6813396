import type { Actor } from "../auth/actor.ts";
import { actingUserId } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { MemberWorkspace, Paged } from "./workspace-repository.ts";

export type ListWorkspacesInput = { page: number; pageSize: number; search?: string };

/** The workspaces the caller is an active member of, by name, with their role in each. */
export async function listWorkspaces(
  deps: Pick<WorkspaceDeps, "workspaces">,
  actor: Actor,
  input: ListWorkspacesInput,
): Promise<Paged<MemberWorkspace>> {
  return await deps.workspaces.listForUser(actingUserId(actor), input);
}
