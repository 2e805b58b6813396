import { z } from "@hono/zod-openapi";

/** `member_id` path parameter: the member's user id. */
export const MemberIdParams = z.object({
  member_id: z.uuid().openapi({ param: { name: "member_id", in: "path" }, description: "The member's user id", example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a11" }),
});

const roleField = z.enum(["owner", "admin", "member", "viewer"]).openapi({ example: "member" });
/** Roles this section may grant: the owner role moves only through ownership transfer. */
export const GrantableRole = z.enum(["admin", "member", "viewer"]).openapi({ description: "admin, member or viewer (never owner)", example: "member" });

const profileText = (max: number, example: string) => z.string().trim().max(max).nullable().optional().openapi({ example });

/** Workspace-specific profile fields, shared by create and update. */
export const MemberProfileFields = {
  display_name: profileText(120, "Ada"),
  title: profileText(120, "Head of Acquisitions"),
  department: profileText(120, "Investments"),
  phone: profileText(40, "+1 555 0100"),
};

/** The profile fields of a request body, as the use-cases take them (undefined = unchanged). */
export function profilePatch(body: {
  display_name?: string | null;
  title?: string | null;
  department?: string | null;
  phone?: string | null;
}): { displayName?: string | null; title?: string | null; department?: string | null; phone?: string | null } {
  const patch: { displayName?: string | null; title?: string | null; department?: string | null; phone?: string | null } = {};
  if (body.display_name !== undefined) patch.displayName = body.display_name || null;
  if (body.title !== undefined) patch.title = body.title || null;
  if (body.department !== undefined) patch.department = body.department || null;
  if (body.phone !== undefined) patch.phone = body.phone || null;
  return patch;
}

const TourStateSchema = z
  .object({
    status: z.enum(["completed", "skipped"]).openapi({ example: "completed" }),
    updated_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
  })
  .openapi("TourState");

/** Tour id -> state. */
export const TourStatusSchema = z
  .object({
    tours: z.record(z.string(), TourStateSchema).openapi({ description: "Tour id to its state; tours never seen are absent" }),
  })
  .openapi("TourStatus");

/** A tour id: short, URL-safe. */
export const TourId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, "letters, digits, '_', '.', ':' and '-' only")
  .openapi({ example: "dashboard-intro" });

const memberFields = {
  id: z.uuid().openapi({ description: "The member id (the user's id)", example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a11" }),
  user_id: z.uuid().openapi({ example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a11" }),
  email: z.string().openapi({ example: "ada@example.com" }),
  full_name: z.string().openapi({ example: "Ada Lovelace" }),
  display_name: z.string().nullable().openapi({ example: "Ada" }),
  avatar_url: z.string().nullable().openapi({ description: "Signed URL of the workspace avatar (expires), or the account avatar" }),
  role: roleField,
  status: z.enum(["active", "inactive"]).openapi({ description: "inactive members cannot use the workspace", example: "active" }),
  is_active: z.boolean().openapi({ description: "Membership active and account active", example: true }),
  title: z.string().nullable().openapi({ example: "Head of Acquisitions" }),
  department: z.string().nullable().openapi({ example: "Investments" }),
  phone: z.string().nullable().openapi({ example: "+1 555 0100" }),
  joined_at: z.string().openapi({ format: "date-time", example: "2026-01-15T10:00:00.000Z" }),
};

export const MemberSchema = z.object(memberFields).openapi("Member");

export const MyMemberSchema = z
  .object({ ...memberFields, tours: TourStatusSchema.shape.tours })
  .openapi("MyMember");

export const CreatedMemberSchema = z
  .object({
    ...memberFields,
    user_created: z.boolean().openapi({ description: "True when a new account (without password) was created", example: false }),
    activation_email_sent: z.boolean().openapi({ description: "True when the new account was mailed an activation link", example: false }),
  })
  .openapi("CreatedMember");

export const MemberItemSchema = z
  .object({
    type: z.string().openapi({ description: "Item type, e.g. team, api_key", example: "team" }),
    id: z.string().openapi({ example: "01939a6e-7c1e-7b41-9a31-5f2b8d1c0a12" }),
    name: z.string().openapi({ example: "Acquisitions" }),
    relation: z.string().openapi({ description: "How the member relates to it: lead, creator, owner, assignee...", example: "lead" }),
  })
  .openapi("MemberItem");
