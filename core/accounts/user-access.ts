import { hasRoleAtLeast, type Actor } from "../auth/actor.ts";
import { Forbidden, NotFound } from "../errors.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { Account, SharedWorkspace } from "./account-repository.ts";
import { requireUserId } from "./get-current-user.ts";

export type UserAccessMode = "read" | "write";
/** The target account and the shared workspace that grants access (null when acting on oneself). */
export type UserAccess = { callerId: string; target: Account; via: SharedWorkspace | null };

/**
 * The "same or higher role" rule for acting on another user: they must share a workspace
 * where the caller's role is at least the target's; to write, the caller must also be an
 * admin or owner there (so an admin never acts on an owner). With `workspaceId`, only that
 * workspace counts. Unknown user: 404; no such workspace: 403.
 */
export async function requireAccessToUser(
  deps: Pick<AccountDeps, "accounts">,
  actor: Actor,
  targetId: string,
  mode: UserAccessMode,
  workspaceId?: string,
): Promise<UserAccess> {
  const callerId = requireUserId(actor);
  const target = await deps.accounts.findById(targetId);
  if (!target) throw new NotFound("user", targetId);
  if (target.id === callerId) return { callerId, target, via: null };

  const shared = (await deps.accounts.sharedWorkspaces(callerId, targetId)).filter(
    (ws) => workspaceId === undefined || ws.workspaceId === workspaceId,
  );
  const granting = shared
    .filter((ws) => hasRoleAtLeast(ws.callerRole, ws.targetRole))
    .filter((ws) => mode === "read" || hasRoleAtLeast(ws.callerRole, "admin"))
    .sort((a, b) => (hasRoleAtLeast(a.callerRole, b.callerRole) ? -1 : 1));
  const via = granting[0];
  if (!via) {
    throw new Forbidden(
      mode === "read"
        ? "you need the same or a higher role than this user in a shared workspace"
        : "you need to be an admin or owner with the same or a higher role than this user in a shared workspace",
    );
  }
  return { callerId, target, via };
}
