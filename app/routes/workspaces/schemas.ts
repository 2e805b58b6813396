import { z } from "@hono/zod-openapi";
import { roles } from "../../../core/auth/actor.ts";
import type { Invitation } from "../../../core/workspaces/invitation-repository.ts";
import type { MemberWorkspace, Workspace, WorkspaceMemberEntry } from "../../../core/workspaces/workspace-repository.ts";

// Shared request and response shapes of the Workspaces section.

const id = (example: string, description?: string) =>
  z.uuid().openapi({ example, ...(description ? { description } : {}) });
const timestamp = (example: string) => z.string().openapi({ format: "date-time", example });

export const RoleSchema = z.enum(roles).openapi({ example: "member", description: "owner > admin > member > viewer" });

export const WorkspaceIdParamsSchema = z.object({
  workspace_id: z.uuid().openapi({ param: { name: "workspace_id", in: "path" }, example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }),
});

export const SettingsSchema = z
  .record(z.string(), z.unknown())
  .openapi({ description: "Free-form workspace settings (JSON object).", example: { timezone: "Europe/London", locale: "en-GB" } });

export const WorkspaceSchema = z
  .object({
    id: id("0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a"),
    name: z.string().openapi({ example: "Acme Capital" }),
    slug: z.string().openapi({ example: "acme-capital" }),
    plan: z.string().openapi({ example: "free" }),
    status: z.string().openapi({ example: "active" }),
    owner_id: z.string().nullable().openapi({ example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    settings: SettingsSchema,
    role: RoleSchema.nullable().openapi({ description: "The caller's role here (null for staff acting from outside)." }),
    joined_at: timestamp("2026-01-05T09:00:00.000Z").nullable(),
    created_at: timestamp("2026-01-05T09:00:00.000Z"),
    updated_at: timestamp("2026-01-05T09:30:00.000Z"),
  })
  .openapi("Workspace");

/** The JSON of a workspace; with the caller's role when they are a member. */
export function toWorkspaceJson(workspace: Workspace | MemberWorkspace): z.infer<typeof WorkspaceSchema> {
  return {
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    plan: workspace.plan,
    status: workspace.status,
    owner_id: workspace.ownerId,
    settings: workspace.settings,
    role: "role" in workspace ? workspace.role : null,
    joined_at: "joinedAt" in workspace ? workspace.joinedAt.toISOString() : null,
    created_at: workspace.createdAt.toISOString(),
    updated_at: workspace.updatedAt.toISOString(),
  };
}

export const InvitationSchema = z
  .object({
    id: id("0192f0c2-1111-7c31-9a55-3f1e2d4c5b6a", "The invitation id; the member listing shows it as the pending entry's `id`."),
    workspace_id: id("0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a"),
    kind: z.enum(["email", "link"]).openapi({ description: "`email`: personal, single-use; `link`: shareable.", example: "email" }),
    user_id: z.string().nullable().openapi({ example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    email: z.string().nullable().openapi({ example: "grace@example.com" }),
    role: RoleSchema,
    status: z.enum(["pending", "accepted", "cancelled"]).openapi({ example: "pending" }),
    invited_by: z.string().nullable().openapi({ example: "0192f0c1-2222-7c31-9a55-3f1e2d4c5b6a" }),
    max_uses: z.number().int().nullable().openapi({ description: "Shareable links: seats (null: unlimited).", example: 1 }),
    use_count: z.number().int().openapi({ example: 0 }),
    expires_at: timestamp("2026-01-12T09:00:00.000Z"),
    created_at: timestamp("2026-01-05T09:00:00.000Z"),
  })
  .openapi("WorkspaceInvitation");

export function toInvitationJson(invitation: Invitation): z.infer<typeof InvitationSchema> {
  return {
    id: invitation.id,
    workspace_id: invitation.workspaceId,
    kind: invitation.kind,
    user_id: invitation.userId,
    email: invitation.email,
    role: invitation.role,
    status: invitation.status,
    invited_by: invitation.invitedBy,
    max_uses: invitation.maxUses,
    use_count: invitation.useCount,
    expires_at: invitation.expiresAt.toISOString(),
    created_at: invitation.createdAt.toISOString(),
  };
}

export const WorkspaceMemberSchema = z
  .object({
    id: id(
      "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a",
      "The member id: the user id for members, the invitation id for pending invitations. `DELETE .../members/{member_id}` takes either.",
    ),
    kind: z.enum(["member", "invitation"]).openapi({ example: "member" }),
    user_id: id("0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a"),
    email: z.string().openapi({ example: "ada@example.com" }),
    full_name: z.string().openapi({ example: "Ada Lovelace" }),
    name: z.string().openapi({ description: "Same as `full_name`.", example: "Ada Lovelace" }),
    role: RoleSchema,
    status: z.string().openapi({ description: "`active` for members, `pending` for unaccepted invitations.", example: "active" }),
    invitation_accepted: z.boolean().openapi({ example: true }),
    joined_at: timestamp("2026-01-05T09:00:00.000Z").nullable(),
    invited_at: timestamp("2026-01-05T09:00:00.000Z").nullable(),
    expires_at: timestamp("2026-01-12T09:00:00.000Z").nullable().openapi({ description: "When a pending invitation lapses." }),
  })
  .openapi("WorkspaceMember");

export function toMemberJson(entry: WorkspaceMemberEntry): z.infer<typeof WorkspaceMemberSchema> {
  return {
    id: entry.id,
    kind: entry.kind,
    user_id: entry.userId,
    email: entry.email,
    full_name: entry.fullName,
    name: entry.fullName,
    role: entry.role,
    status: entry.status,
    invitation_accepted: entry.kind === "member",
    joined_at: entry.joinedAt?.toISOString() ?? null,
    invited_at: entry.invitedAt?.toISOString() ?? null,
    expires_at: entry.expiresAt?.toISOString() ?? null,
  };
}

/** `page`/`page_size` query parameters (page from 1, at most 100 per page). */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ example: 1 }),
  page_size: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  search: z.string().trim().max(200).optional().openapi({ description: "Case-insensitive substring match.", example: "ada" }),
});

/** The `{items, total, page, page_size}` envelope of a paged list. */
export function pagedSchema<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().openapi({ example: 1 }),
      page: z.number().int().openapi({ example: 1 }),
      page_size: z.number().int().openapi({ example: 20 }),
    })
    .openapi(name);
}

/** The request body of a JSON operation. */
export function jsonBody<T extends z.ZodTypeAny>(schema: T, required = true) {
  return { body: { required, content: { "application/json": { schema } } } };
}

export const InvitationResultSchema = z
  .object({
    invitation: InvitationSchema,
    email_sent: z.boolean().openapi({ example: true }),
  })
  .openapi("WorkspaceInvitationResult");

export const InviteLinkSchema = z
  .object({
    invitation: InvitationSchema,
    invite_url: z.url().openapi({ example: "https://app.example.com/accept-invitation?token=3q2-…" }),
    expires_at: timestamp("2026-01-12T09:00:00.000Z"),
  })
  .openapi("WorkspaceInviteLink");

/** The `token` query parameter of an invitation link. */
export const InvitationTokenSchema = z
  .string()
  .min(20)
  .max(200)
  .openapi({ description: "The token from the invitation link.", example: "3q2-7wQm1cV0o9nB4kZyXJt8sFhLrPaE5uIdGvN6eTw" });

export const WorkspaceUserParamsSchema = WorkspaceIdParamsSchema.extend({
  user_id: z.uuid().openapi({ param: { name: "user_id", in: "path" }, example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
});
