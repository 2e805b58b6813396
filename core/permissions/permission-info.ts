import { categoryOf, permissionCatalog, type PermissionCategory, type PermissionDefinition, type Resource } from "./catalog.ts";

/** A catalog entry as shown to clients. */
export type PermissionInfo = PermissionDefinition & { category: PermissionCategory };

/** The catalog entries, optionally only those of `resource`, in catalog order. */
export function permissionInfos(resource?: string): PermissionInfo[] {
  return permissionCatalog
    .filter((p) => resource === undefined || p.resource === resource)
    .map((p) => ({ ...p, category: categoryOf(p.resource) }));
}

/** The resources of the catalog, in catalog order. */
export function catalogResources(): Resource[] {
  return [...new Set(permissionCatalog.map((p) => p.resource))];
}
