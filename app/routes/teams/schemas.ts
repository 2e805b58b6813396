import { z } from "@hono/zod-openapi";

const uuidExample = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a20";

/** `team_id` path parameter. */
export const TeamIdParams = z.object({
  team_id: z.uuid().openapi({ param: { name: "team_id", in: "path" }, example: uuidExample }),
});

/** `team_id` and `member_id` path parameters. */
export const TeamMemberParams = TeamIdParams.extend({
  member_id: z.uuid().openapi({ param: { name: "member_id", in: "path" }, description: "The member's user id", example: uuidExample }),
});

export const TeamRoleSchema = z.enum(["lead", "member"]).openapi({ description: "The member's role within the team", example: "member" });

export const TeamSchema = z
  .object({
    id: z.uuid().openapi({ example: uuidExample }),
    name: z.string().openapi({ example: "Acquisitions" }),
    description: z.string().nullable().openapi({ example: "Finds and underwrites deals" }),
    parent_team_id: z.uuid().nullable().openapi({ description: "The parent team; null at the top level" }),
    is_active: z.boolean().openapi({ example: true }),
    member_count: z.number().int().openapi({ example: 4 }),
    created_by: z.uuid().nullable().openapi({ description: "The member who created it" }),
    created_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
    updated_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
  })
  .openapi("Team");

export const TeamMemberSchema = z
  .object({
    team_id: z.uuid().openapi({ example: uuidExample }),
    member_id: z.uuid().openapi({ description: "The member's user id", example: uuidExample }),
    role: TeamRoleSchema,
    added_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
    email: z.string().openapi({ example: "ada@example.com" }),
    full_name: z.string().openapi({ example: "Ada Lovelace" }),
    display_name: z.string().nullable().openapi({ example: "Ada" }),
    avatar_url: z.string().nullable(),
  })
  .openapi("TeamMember");

/** Editable team fields; `parent_team_id` null moves the team to the top level. */
export const teamFields = {
  name: z.string().trim().min(1).max(120).openapi({ example: "Acquisitions" }),
  description: z.string().trim().max(2000).nullable().optional().openapi({ example: "Finds and underwrites deals" }),
  parent_team_id: z.uuid().nullable().optional().openapi({ description: "Nest under this team (no cycles)", example: uuidExample }),
  is_active: z.boolean().optional().openapi({ example: true }),
};
