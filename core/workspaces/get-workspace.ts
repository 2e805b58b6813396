import type { Actor } from "../auth/actor.ts";
import { enterWorkspace } from "./workspace-access.ts";
import type { WorkspaceDeps } from "./workspace-deps.ts";
import type { MemberWorkspace } from "./workspace-repository.ts";

/** One workspace the caller belongs to (404 for any other). */
export async function getWorkspace(
  deps: Pick<WorkspaceDeps, "workspaces" | "permissionOverrides">,
  actor: Actor,
  workspaceId: string,
): Promise<MemberWorkspace> {
  return (await enterWorkspace(deps, actor, workspaceId)).workspace;
}
