import { kebabSlug } from "../workspaces/provisioning/slug.ts";

/**
 * Recordset slugs: from the name, lower kebab case, unique in the workspace, never one of the
 * words the API uses as a literal path segment under /recordsets (so `/recordsets/trash` is
 * always the trash, never a recordset called "Trash").
 */
export const RESERVED_SLUGS = new Set(["trash", "import", "export", "geocode", "new", "access", "views", "permissions"]);

export function slugify(name: string): string {
  return kebabSlug(name, 60) || "recordset";
}

/** `base`, or `base-2`, `base-3`... the first that is neither taken nor reserved. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
