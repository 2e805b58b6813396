import type { Role } from "../auth/actor.ts";

/**
 * The permission catalog: resource x action, named `can_<action>_<resource>`
 * (e.g. `can_create_team`, `can_view_goal`, `can_edit_own_goal`,
 * `can_delete_document`). Each workspace starts from the defaults below; admins
 * may override them per role (never for the owner role).
 */
export const contentResources = [
  "recordset",
  "record",
  "contact",
  "pipeline",
  "deal",
  "goal",
  "task",
  "document",
  "channel",
  "meeting",
  "artifact",
  "map",
  "report",
  "dashboard",
  "course",
] as const;

/** Resources that shape the workspace itself: only admins and owners change them. */
export const adminResources = [
  "workspace",
  "member",
  "team",
  "permission",
  "api_key",
  "module_settings",
  "integration",
  "webhook",
  "billing",
  "brand",
  "activity",
] as const;

export type Resource = (typeof contentResources)[number] | (typeof adminResources)[number];
export const contentActions = ["view", "create", "edit", "edit_own", "delete", "delete_own"] as const;
export const adminActions = ["view", "create", "edit", "delete"] as const;
export type Action = (typeof contentActions)[number];

export type PermissionName = `can_${Action}_${Resource}`;

export type PermissionDefinition = {
  name: PermissionName;
  resource: Resource;
  action: Action;
  /** Human label for settings screens. */
  label: string;
};

function define(resource: Resource, action: Action): PermissionDefinition {
  const words = action.replace("_own", " own");
  return { name: `can_${action}_${resource}`, resource, action, label: `${words[0]!.toUpperCase()}${words.slice(1)} ${resource.replace("_", " ")}` };
}

/** Every permission, in a stable order. */
export const permissionCatalog: readonly PermissionDefinition[] = [
  ...contentResources.flatMap((r) => contentActions.map((a) => define(r, a))),
  ...adminResources.flatMap((r) => adminActions.map((a) => define(r, a))),
];

const byName = new Map(permissionCatalog.map((p) => [p.name, p]));

/** True when `name` is in the catalog. */
export function isPermissionName(name: string): name is PermissionName {
  return byName.has(name as PermissionName);
}

/** The catalog entry of a known permission. */
export function permissionDefinition(name: PermissionName): PermissionDefinition {
  return byName.get(name)!;
}

/**
 * Default grants per role:
 * - owner: everything;
 * - admin: everything except billing changes;
 * - member: view everything, create content, edit and delete their own content;
 * - viewer: view content and the member/team directory.
 */
export function defaultGrant(role: Role, permission: PermissionName): boolean {
  const { resource, action } = byName.get(permission)!;
  const isContent = (contentResources as readonly string[]).includes(resource);
  switch (role) {
    case "owner":
      return true;
    case "admin":
      return !(resource === "billing" && action !== "view");
    case "member":
      if (isContent) return action === "view" || action === "create" || action === "edit_own" || action === "delete_own";
      return action === "view" && resource !== "billing" && resource !== "api_key" && resource !== "permission";
    case "viewer":
      // Module flags are read by every screen, so viewers see them too.
      // The activity feed too: it shows what the workspace does, not how it is administered.
      return (
        action === "view" &&
        (isContent || resource === "member" || resource === "team" || resource === "module_settings" || resource === "activity")
      );
  }
}

/** Which part of the product a resource belongs to, for grouping in settings screens. */
export type PermissionCategory = "content" | "administration";

/** The category of `resource`: workspace content, or the workspace's own administration. */
export function categoryOf(resource: Resource): PermissionCategory {
  return (contentResources as readonly string[]).includes(resource) ? "content" : "administration";
}

/** True when `name` is one of the catalog's resources. */
export function isResource(name: string): name is Resource {
  return (contentResources as readonly string[]).includes(name) || (adminResources as readonly string[]).includes(name);
}
