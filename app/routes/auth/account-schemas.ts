import { z } from "@hono/zod-openapi";
import type { AccountMembership } from "../../../core/accounts/account-repository.ts";
import type { AccountView } from "../../../core/accounts/account-view.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../core/accounts/password-policy.ts";
import type { TokenPair } from "../../../core/auth/sessions.ts";
import { roles } from "../../../core/auth/actor.ts";

// Shared request and response shapes of the account operations (Authentication section).

const timestamp = (example: string) => z.string().openapi({ format: "date-time", example });

export const UserSchema = z
  .object({
    id: z.string().openapi({ example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
    email: z.string().openapi({ example: "ada@example.com" }),
    full_name: z.string().openapi({ example: "Ada Lovelace" }),
    title: z.string().nullable().openapi({ example: "Head of Research" }),
    phone: z.string().nullable().openapi({ example: "+44 20 7946 0000" }),
    bio: z.string().nullable().openapi({ example: "Analytical engines." }),
    avatar_url: z.string().nullable().openapi({
      description: "External URL, or for an uploaded picture a signed download URL valid one hour (fetch the user again for a fresh one).",
      example: "https://api.example.com/api/v1/uploads/ws/users/profile-image/0192….png?exp=1767225600&sig=…",
    }),
    is_active: z.boolean().openapi({ example: true }),
    is_activated: z.boolean().openapi({ description: "False until an invited or provisioned user sets a password.", example: true }),
    email_verified: z.boolean().openapi({ example: true }),
    email_verified_at: timestamp("2026-01-05T09:30:00.000Z").nullable(),
    last_login_at: timestamp("2026-01-06T08:00:00.000Z").nullable(),
    created_at: timestamp("2026-01-05T09:00:00.000Z"),
    updated_at: timestamp("2026-01-05T09:30:00.000Z"),
  })
  .openapi("AuthUser");

export const MembershipSchema = z
  .object({
    workspace_id: z.string().openapi({ example: "0192f0c1-0000-7c31-9a55-3f1e2d4c5b6a" }),
    workspace_name: z.string().openapi({ example: "Acme Capital" }),
    workspace_slug: z.string().openapi({ example: "acme-capital" }),
    role: z.enum(roles).openapi({ example: "admin" }),
    status: z.string().openapi({ example: "active" }),
    joined_at: timestamp("2026-01-05T09:00:00.000Z"),
  })
  .openapi("AuthWorkspaceMembership");

export const UserWithMembershipSchema = UserSchema.extend({
  member: MembershipSchema.nullable().openapi({
    description: "The user's membership in the requested workspace; null when none was asked for.",
  }),
}).openapi("AuthUserWithMembership");

export const TokenPairSchema = z
  .object({
    access_token: z.string().openapi({ description: "JWT for `Authorization: Bearer` (15 minutes by default)." }),
    refresh_token: z.string().openapi({ description: "Single-use: each refresh returns a new one. Reusing a spent one ends the session." }),
    token_type: z.literal("bearer"),
    expires_in: z.number().int().openapi({ description: "Seconds until the access token expires.", example: 900 }),
    refresh_token_expires_at: timestamp("2026-02-04T09:00:00.000Z"),
    session_id: z.string().openapi({ example: "0192f0c1-1111-7c31-9a55-3f1e2d4c5b6a" }),
  })
  .openapi("AuthTokenPair");

export const SessionSchema = TokenPairSchema.extend({ user: UserSchema }).openapi("AuthSession");

export const MessageSchema = z
  .object({ message: z.string().openapi({ example: "Done." }) })
  .openapi("AuthMessage");

/** A new password under the policy (8 to 256 characters); the use-case re-checks it. */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .openapi({ format: "password", example: "correct horse battery staple" });

export const EmailSchema = z.email().max(320).openapi({ example: "ada@example.com" });

export const UserIdParamsSchema = z.object({
  user_id: z.uuid().openapi({ param: { name: "user_id", in: "path" }, example: "0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a" }),
});

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .openapi({ example: "https://cdn.example.com/ada.png" });

/** Profile fields a PUT may change; omitted fields stay as they are, null clears. */
export const ProfileFieldsSchema = z.object({
  full_name: z.string().trim().min(1).max(200).optional().openapi({ example: "Ada King" }),
  name: z.string().trim().min(1).max(200).optional().openapi({ description: "Alias of `full_name`." }),
  title: z.string().trim().max(200).nullable().optional().openapi({ example: "Head of Research" }),
  phone: z.string().trim().max(50).nullable().optional().openapi({ example: "+44 20 7946 0000" }),
  bio: z.string().max(5000).nullable().optional(),
  avatar_url: httpUrl.nullable().optional().openapi({
    description: "An external http(s) picture URL, or null to remove the picture. Uploads go through the avatar operations.",
  }),
});

/** The profile patch for the use-cases, from the validated body. */
export function profilePatch(body: z.infer<typeof ProfileFieldsSchema>): {
  fullName?: string;
  title?: string | null;
  phone?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
} {
  const fullName = body.full_name ?? body.name;
  return {
    ...(fullName !== undefined ? { fullName } : {}),
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.phone !== undefined ? { phone: body.phone } : {}),
    ...(body.bio !== undefined ? { bio: body.bio } : {}),
    ...(body.avatar_url !== undefined ? { avatarUrl: body.avatar_url } : {}),
  };
}

/** Multipart body of the avatar uploads. */
export const AvatarUploadSchema = z
  .object({
    file: z
      .instanceof(File)
      .openapi({ type: "string", format: "binary", description: "PNG, JPEG, WebP or GIF (checked by content), at most 5 MB." }),
  })
  .openapi("AuthAvatarUpload");

export function toUser(account: AccountView): z.infer<typeof UserSchema> {
  return {
    id: account.id,
    email: account.email,
    full_name: account.fullName,
    title: account.title,
    phone: account.phone,
    bio: account.bio,
    avatar_url: account.avatarUrl,
    is_active: account.isActive,
    is_activated: account.hasPassword,
    email_verified: account.emailVerifiedAt !== null,
    email_verified_at: account.emailVerifiedAt?.toISOString() ?? null,
    last_login_at: account.lastLoginAt?.toISOString() ?? null,
    created_at: account.createdAt.toISOString(),
    updated_at: account.updatedAt.toISOString(),
  };
}

export function toMembership(membership: AccountMembership): z.infer<typeof MembershipSchema> {
  return {
    workspace_id: membership.workspaceId,
    workspace_name: membership.workspaceName,
    workspace_slug: membership.workspaceSlug,
    role: membership.role,
    status: membership.status,
    joined_at: membership.joinedAt.toISOString(),
  };
}

export function toSession(tokens: TokenPair, account: AccountView): z.infer<typeof SessionSchema> {
  return { ...tokens, user: toUser(account) };
}
