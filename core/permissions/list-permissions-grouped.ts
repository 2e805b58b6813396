import type { Actor } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import { categoryOf, type PermissionCategory, type Resource } from "./catalog.ts";
import { catalogResources, permissionInfos, type PermissionInfo } from "./permission-info.ts";

/** The permissions of one resource, for one section of a settings screen. */
export type PermissionGroup = {
  resource: Resource;
  category: PermissionCategory;
  label: string;
  permissions: PermissionInfo[];
};

/** The permission catalog grouped by resource, content resources first. Any member may read it. */
export async function listPermissionsGrouped(_deps: unknown, actor: Actor): Promise<{ groups: PermissionGroup[] }> {
  if (!actor.workspace) throw new Forbidden("a workspace is required");
  const groups = catalogResources().map((resource) => {
    const label = resource.replace(/_/g, " ");
    return {
      resource,
      category: categoryOf(resource),
      label: `${label[0]!.toUpperCase()}${label.slice(1)}`,
      permissions: permissionInfos(resource),
    };
  });
  return { groups };
}
