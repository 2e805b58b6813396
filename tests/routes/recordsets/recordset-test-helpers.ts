import { accessFlags, type AccessFlag, type AccessFlags } from "../../../core/recordsets/recordset-repository.ts";
import { newId } from "../../../core/ids.ts";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";

/** The JSON of a recordset, as the API returns it (the fields tests usually read). */
export type RecordsetJson = {
  id: string;
  slug: string;
  name: string;
  type: string;
  fields: { key: string; name: string; type: string; required: boolean; is_primary: boolean }[];
  settings: Record<string, unknown>;
  mode: "table" | "map";
  promoted_fields: { text: string[]; number: string[]; date: string[] };
  gis_source: { kind: string; field?: string; lat_field?: string; lng_field?: string } | null;
  record_count: number;
  is_active: boolean;
  created_by: string | null;
  deleted_at: string | null;
};

/** A small schema with a text, a number, a select and a lat/lng field. */
export const sampleFields = [
  { name: "Name", type: "text", required: true },
  { name: "Price", type: "number" },
  { name: "Stage", type: "select", options: [{ value: "new" }, { value: "won" }] },
  { name: "Location", type: "lat_lng" },
];

/**
 * A recordset created through the API (POST /api/v1/recordsets) as `as` (default: the owner).
 * `fields` defaults to `sampleFields`; `extra` adds body properties (slug, type, settings...).
 */
export async function makeRecordset(
  t: TestApp,
  ws: TestWorkspace,
  fields: unknown[] = sampleFields,
  extra: Record<string, unknown> = {},
  as: TestUser = ws.owner,
): Promise<RecordsetJson> {
  const res = await t.request("/api/v1/recordsets", {
    method: "POST",
    headers: t.as(as, ws),
    json: { name: `Recordset ${crypto.randomUUID().slice(0, 8)}`, fields, ...extra },
  });
  if (res.status !== 201) throw new Error(`makeRecordset failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as RecordsetJson;
}

/**
 * Grants a member (user id) or a team flags on a recordset, straight through the repository
 * (so tests do not depend on the grant route). Unlisted flags are false.
 */
export async function grant(
  t: TestApp,
  ws: TestWorkspace,
  recordsetSlug: string,
  who: ({ member_id: string } | { team_id: string }) & { flags: readonly AccessFlag[] | Partial<AccessFlags> },
): Promise<void> {
  const ref = { id: ws.id, schemaName: ws.schemaName };
  const recordset = await t.services.recordsets.findBySlug(ref, recordsetSlug);
  if (!recordset) throw new Error(`grant: no recordset "${recordsetSlug}"`);
  const given = Array.isArray(who.flags) ? Object.fromEntries(who.flags.map((f) => [f, true])) : who.flags;
  const flags = Object.fromEntries(accessFlags.map((f) => [f, Boolean((given as Partial<AccessFlags>)[f])])) as AccessFlags;
  await t.services.recordsets.upsertGrant(ref, {
    id: newId(),
    recordsetId: recordset.id,
    memberId: "member_id" in who ? who.member_id : null,
    teamId: "team_id" in who ? who.team_id : null,
    flags,
    grantedBy: ws.owner.id,
    createdAt: new Date(),
  });
}

/** An id no workspace uses. */
export const unknownId = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0aff";

/** Moves a recordset to the trash through the API as the owner. */
export async function trashRecordset(t: TestApp, ws: TestWorkspace, slug: string): Promise<void> {
  const res = await t.request(`/api/v1/recordsets/${slug}`, { method: "DELETE", headers: t.as(ws.owner, ws) });
  if (res.status !== 204) throw new Error(`trashRecordset failed: ${res.status} ${await res.text()}`);
}

/** The `it.each` rows of the workspace-admin-only checks: admin gets `adminStatus`, member and viewer 403. */
export function onlyWorkspaceAdmins(adminStatus: 200 | 204) {
  return [
    ["admin", adminStatus],
    ["member", 403],
    ["viewer", 403],
  ] as const;
}

/** Types of the activity events recorded about one entity, oldest first. */
export async function eventTypesFor(t: TestApp, ws: TestWorkspace, entityId: string): Promise<string[]> {
  const rows = await tenantDatabase(t.database, ws.schemaName).transaction((trx) =>
    trx.selectFrom("activity").select("type").where("entity_id", "=", entityId).orderBy("occurred_at").orderBy("id").execute(),
  );
  return rows.map((r) => r.type);
}
