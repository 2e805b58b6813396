import type { Actor } from "../auth/actor.ts";
import { NotFound } from "../errors.ts";
import { isAuthorized, type PermissionOverrides } from "./authorize.ts";
import { isPermissionName, type PermissionName } from "./catalog.ts";

export type CheckPermissionDeps = { permissionOverrides: PermissionOverrides };

/** Whether the caller holds `permission`; a name outside the catalog is NotFound (404). */
export async function checkPermission(
  deps: CheckPermissionDeps,
  actor: Actor,
  input: { permission: string },
): Promise<{ permission: PermissionName; allowed: boolean }> {
  if (!isPermissionName(input.permission)) throw new NotFound("permission", input.permission);
  return { permission: input.permission, allowed: await isAuthorized(deps, actor, input.permission) };
}
