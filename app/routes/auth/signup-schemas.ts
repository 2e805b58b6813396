import { z } from "@hono/zod-openapi";
import type { PaymentInvite } from "../../../core/billing/payment-invite-repository.ts";
import type { InviteSignupDeps, InviteSignupInput } from "../../../core/signup/invite-signup.ts";
import { sessionDepsFrom } from "../../../core/signup/session-deps.ts";
import type { SignupUser } from "../../../core/signup/signup-user-store.ts";
import type { ProvisionedWorkspace } from "../../../core/workspaces/provisioning/workspace-provisioning-store.ts";
import type { Services } from "../../composition/services.ts";
import { EmailSchema, PasswordSchema } from "./account-schemas.ts";

// Shared shapes and deps of the signup operations (Authentication: signup).

/** The signup use-cases' ports and settings, from the app's services. */
export function signupDeps(services: Services): InviteSignupDeps & Services {
  return { ...services, session: sessionDepsFrom(services) };
}

const timestamp = (example: string) => z.string().openapi({ format: "date-time", example });
const uuid = (example: string) => z.string().openapi({ format: "uuid", example });

export const SignupUserSchema = z
  .object({
    id: uuid("0192f0c1-7a4e-7c31-9a55-3f1e2d4c5b6a"),
    email: z.string().openapi({ example: "ada@example.com" }),
    full_name: z.string().openapi({ example: "Ada Lovelace" }),
  })
  .openapi("SignupUser");

export const SignupWorkspaceSchema = z
  .object({
    id: uuid("0192f0c1-2222-7c31-9a55-3f1e2d4c5b6a"),
    name: z.string().openapi({ example: "Analytical Engines Ltd" }),
    slug: z.string().openapi({ example: "analytical-engines-ltd" }),
    plan: z.string().openapi({ example: "pro" }),
    created_at: timestamp("2026-01-05T09:00:00.000Z"),
  })
  .openapi("SignupWorkspace");

export function toSignupUser(user: SignupUser): z.infer<typeof SignupUserSchema> {
  return { id: user.id, email: user.email, full_name: user.fullName };
}

export function toSignupWorkspace(workspace: ProvisionedWorkspace): z.infer<typeof SignupWorkspaceSchema> {
  return {
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    plan: workspace.plan,
    created_at: workspace.createdAt.toISOString(),
  };
}

export const InviteCodeSchema = z
  .string()
  .min(10)
  .max(200)
  .openapi({ description: "The code from the registration link (the credential).", example: "inv_4q2Jx0mU9yQyv7kq2mM0c8c4m7hJ2a1s9d8f7g6h5j4" });

export const InviteSignupBodySchema = z
  .object({
    invite_code: InviteCodeSchema,
    email: EmailSchema.openapi({ description: "Must be the email the invite was sent to." }),
    name: z.string().trim().min(1).max(200).openapi({ description: "The person's full name.", example: "Ada Lovelace" }),
    company_name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "Workspace name; default the company on the invite.", example: "Analytical Engines Ltd" }),
    workspace_name: z.string().trim().min(1).max(100).optional().openapi({ description: "Alias of `company_name`." }),
    password: PasswordSchema.optional().openapi({ description: "Required unless `clerk_id` is given (a random password is then set)." }),
    clerk_id: z.string().min(1).max(200).optional().openapi({ example: "user_2abcDEF" }),
  })
  .openapi("InviteSignupRequest");

/** The invite signup input from a request body. */
export function toInviteSignupInput(body: z.infer<typeof InviteSignupBodySchema>): InviteSignupInput {
  return {
    inviteCode: body.invite_code,
    email: body.email,
    name: body.name,
    workspaceName: body.company_name ?? body.workspace_name ?? null,
    password: body.password ?? null,
    clerkId: body.clerk_id ?? null,
  };
}

export const PaymentInviteSchema = z
  .object({
    id: uuid("0192f0c1-3333-7c31-9a55-3f1e2d4c5b6a"),
    email: z.string().openapi({ example: "ada@example.com" }),
    customer_name: z.string().openapi({ example: "Ada Lovelace" }),
    company_name: z.string().openapi({ example: "Analytical Engines Ltd" }),
    plan: z.string().openapi({ example: "pro" }),
    status: z.enum(["pending", "used", "expired"]).openapi({ description: "`pending` invites can be used to register." }),
    expires_at: timestamp("2026-02-04T09:00:00.000Z"),
    used_at: timestamp("2026-01-06T09:00:00.000Z").nullable(),
    created_at: timestamp("2026-01-05T09:00:00.000Z"),
  })
  .openapi("PaymentInvite");

/** The public view of an invite: prefill data and its state, never Stripe ids or hashes. */
export function toPaymentInvite(invite: PaymentInvite, now: Date): z.infer<typeof PaymentInviteSchema> {
  const status = invite.usedAt ? "used" : invite.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
  return {
    id: invite.id,
    email: invite.email,
    customer_name: invite.customerName,
    company_name: invite.companyName,
    plan: invite.plan,
    status,
    expires_at: invite.expiresAt.toISOString(),
    used_at: invite.usedAt ? invite.usedAt.toISOString() : null,
    created_at: invite.createdAt.toISOString(),
  };
}
