import { hasRoleAtLeast, type Actor } from "../auth/actor.ts";
import { Forbidden, NotFound } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { WorkspaceRef } from "../members/member-repository.ts";
import { accessFlags, type AccessFlag, type AccessFlags, type RecordsetRecord, type RecordsetRepository } from "./recordset-repository.ts";

/**
 * Who may do what on a recordset.
 *
 * - Workspace owners and admins: everything, on every recordset.
 * - The recordset's creator: everything on it.
 * - Anyone else: the union of their grants, direct and through their teams; no grant, no access
 *   (the recordset is invisible to them, as if it did not exist, except where the contract asks
 *   for a 403 on a named recordset).
 * - Workspace viewers never write, whatever a grant says: a grant cannot lift a role's ceiling.
 * - API keys act as their creator (the key's role is its workspace role).
 */
export type RecordsetAccessDeps = { recordsets: RecordsetRepository };

const ALL: AccessFlags = Object.fromEntries(accessFlags.map((f) => [f, true])) as AccessFlags;
const NONE: AccessFlags = Object.fromEntries(accessFlags.map((f) => [f, false])) as AccessFlags;

export function isWorkspaceAdmin(actor: Actor): boolean {
  return hasRoleAtLeast(actor.workspace!.role, "admin");
}

function capped(actor: Actor, flags: AccessFlags): AccessFlags {
  if (flags.can_admin) flags = { ...ALL };
  if (actor.workspace!.role === "viewer") return { ...NONE, can_view: flags.can_view };
  // Any write grant implies seeing what one writes to.
  return { ...flags, can_view: flags.can_view || accessFlags.some((f) => flags[f]) };
}

/** The actor's effective flags on `recordset`. */
export async function permissionsOn(deps: RecordsetAccessDeps, actor: Actor, recordset: Pick<RecordsetRecord, "id" | "createdBy">): Promise<AccessFlags> {
  if (isWorkspaceAdmin(actor)) return { ...ALL };
  if (actor.userId === null) return { ...NONE };
  if (recordset.createdBy === actor.userId) return capped(actor, { ...ALL });
  const grants = await deps.recordsets.grantsForUser(workspaceOf(actor), actor.userId);
  return capped(actor, grants.get(recordset.id) ?? { ...NONE });
}

/** Ids of the recordsets the actor can view, or `all` for admins. */
export async function visibleRecordsetIds(deps: RecordsetAccessDeps, actor: Actor): Promise<"all" | string[]> {
  if (isWorkspaceAdmin(actor)) return "all";
  if (actor.userId === null) return [];
  const ws = workspaceOf(actor);
  const grants = await deps.recordsets.grantsForUser(ws, actor.userId);
  const granted = [...grants].filter(([, flags]) => capped(actor, flags).can_view).map(([id]) => id);
  return [...new Set([...granted, ...(await deps.recordsets.idsCreatedBy(ws, actor.userId))])];
}

/** Throws 403 naming the flag unless the actor holds it on the recordset. */
export async function requireRecordsetPermission(deps: RecordsetAccessDeps, actor: Actor, recordset: RecordsetRecord, flag: AccessFlag): Promise<AccessFlags> {
  const flags = await permissionsOn(deps, actor, recordset);
  if (!flags[flag]) throw new Forbidden(`you need ${flag} on the recordset "${recordset.slug}" to do this`, flag);
  return flags;
}

/** The (not trashed) recordset with this id, or 404. */
export async function requireRecordset(deps: RecordsetAccessDeps, ws: WorkspaceRef, id: string): Promise<RecordsetRecord> {
  const recordset = await deps.recordsets.find(ws, id);
  if (!recordset) throw new NotFound("recordset", id);
  return recordset;
}

/** The (not trashed) recordset with this slug, or 404. */
export async function requireRecordsetBySlug(deps: RecordsetAccessDeps, ws: WorkspaceRef, slug: string): Promise<RecordsetRecord> {
  const recordset = await deps.recordsets.findBySlug(ws, slug);
  if (!recordset) throw new NotFound("recordset", slug);
  return recordset;
}

/**
 * The recordset (by id or slug) when the actor holds `flag` on it: 404 when it does not
 * exist, 403 when it exists but the flag is missing (the contract names these 403s).
 */
export async function recordsetFor(
  deps: RecordsetAccessDeps,
  actor: Actor,
  ref: { id: string } | { slug: string },
  flag: AccessFlag,
): Promise<{ recordset: RecordsetRecord; flags: AccessFlags }> {
  const ws = workspaceOf(actor);
  const recordset = "id" in ref ? await requireRecordset(deps, ws, ref.id) : await requireRecordsetBySlug(deps, ws, ref.slug);
  const flags = await requireRecordsetPermission(deps, actor, recordset, flag);
  return { recordset, flags };
}

/** Only workspace admins and owners manage the trash. */
export function requireWorkspaceAdmin(actor: Actor): void {
  if (!isWorkspaceAdmin(actor)) throw new Forbidden("only workspace admins and owners can do this");
}
