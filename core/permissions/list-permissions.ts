import type { Actor } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import { permissionInfos, type PermissionInfo } from "./permission-info.ts";

export type ListPermissionsInput = { resource?: string };

/**
 * The permission catalog, optionally filtered by resource. Any workspace member
 * may read it; an unknown resource simply matches nothing.
 */
export async function listPermissions(
  _deps: unknown,
  actor: Actor,
  input: ListPermissionsInput = {},
): Promise<{ items: PermissionInfo[]; total: number }> {
  if (!actor.workspace) throw new Forbidden("a workspace is required");
  const items = permissionInfos(input.resource);
  return { items, total: items.length };
}
