import type { Actor } from "../auth/actor.ts";
import { endSession } from "../auth/sessions.ts";
import type { AccountDeps } from "./account-deps.ts";
import { requireUserId } from "./get-current-user.ts";

/** Ends the actor's session: its refresh and access tokens stop working. Returns the session id. */
export async function logout(deps: Pick<AccountDeps, "refreshTokens" | "now">, actor: Actor): Promise<string> {
  requireUserId(actor);
  const sessionId = actor.kind === "user" ? actor.sessionId : "";
  await endSession(deps, sessionId);
  return sessionId;
}
