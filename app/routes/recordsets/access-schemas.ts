import { z } from "@hono/zod-openapi";
import { accessFlags, type AccessFlags } from "../../../core/recordsets/recordset-repository.ts";
import { RecordsetSlugParams } from "./schemas.ts";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";

const flagDescriptions: Record<(typeof accessFlags)[number], string> = {
  can_view: "See the recordset and its records",
  can_create: "Create records",
  can_edit: "Edit any record",
  can_edit_own: "Edit the records one created",
  can_delete: "Delete any record",
  can_delete_own: "Delete the records one created",
  can_admin: "Everything, plus grants, map mode, promoted columns and the pipeline",
};

const flagShape = Object.fromEntries(accessFlags.map((f) => [f, z.boolean().openapi({ description: flagDescriptions[f], example: f === "can_view" })])) as Record<
  (typeof accessFlags)[number],
  z.ZodBoolean
>;

/** The seven flags, each a boolean. */
export const AccessFlagsSchema = z.object(flagShape).openapi("RecordsetAccessFlags");

export const RecordsetAccessGrantSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    recordset_id: z.uuid().openapi({ example: uuidExample }),
    member_id: z.uuid().nullable().openapi({ description: "The member's user id (null for a team grant)" }),
    team_id: z.uuid().nullable().openapi({ description: "The team (null for a member grant)" }),
    ...flagShape,
    granted_by: z.uuid().nullable().openapi({ description: "Who granted it" }),
    created_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
  })
  .openapi("RecordsetAccessGrant");

export const RecordsetAccessGrantListSchema = z
  .object({ items: z.array(RecordsetAccessGrantSchema), total: z.number().int().openapi({ example: 2 }) })
  .openapi("RecordsetAccessGrantList");

export const GrantRecordsetAccessBody = z
  .object({
    member_id: z.uuid().optional().openapi({ description: "A member's user id; give this or `team_id`, not both", example: uuidExample }),
    team_id: z.uuid().optional().openapi({ description: "A team's id; give this or `member_id`, not both" }),
    ...(Object.fromEntries(accessFlags.map((f) => [f, z.boolean().optional().openapi({ description: `${flagDescriptions[f]} (default ${f === "can_view"})` })])) as Record<
      (typeof accessFlags)[number],
      z.ZodOptional<z.ZodBoolean>
    >),
  })
  .openapi("GrantRecordsetAccess", { description: "Flags left out are false, except `can_view` (true); any other flag implies `can_view`." });

/** The flags present in a grant body. */
export function flagsOf(body: Partial<Record<(typeof accessFlags)[number], boolean | undefined>>): Partial<AccessFlags> {
  return Object.fromEntries(accessFlags.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));
}

export const RecordsetMemberParams = RecordsetSlugParams.extend({
  member_id: z.uuid().openapi({ param: { name: "member_id", in: "path" }, description: "The member's user id", example: uuidExample }),
});

export const RecordsetTeamParams = RecordsetSlugParams.extend({
  team_id: z.uuid().openapi({ param: { name: "team_id", in: "path" }, example: uuidExample }),
});

export const MyRecordsetPermissionsSchema = z
  .object({
    recordset_id: z.uuid().openapi({ example: uuidExample }),
    recordset_slug: z.string().openapi({ example: "properties" }),
    ...flagShape,
  })
  .openapi("MyRecordsetPermissions");
