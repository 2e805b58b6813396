import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { signup } from "../../../core/signup/signup.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute, jsonContent } from "../../http/define-route.ts";
import { requestClient } from "./account-deps.ts";
import { EmailSchema, PasswordSchema, TokenPairSchema } from "./account-schemas.ts";
import { signupDeps, SignupUserSchema, SignupWorkspaceSchema, toSignupUser, toSignupWorkspace } from "./signup-schemas.ts";

const SignupBodySchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    name: z.string().trim().min(1).max(200).openapi({ description: "The person's full name.", example: "Ada Lovelace" }),
    company_name: z.string().trim().min(1).max(100).openapi({ description: "Names the workspace.", example: "Analytical Engines Ltd" }),
    payment_method_id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: "A Stripe PaymentMethod from Stripe.js: the subscription starts at once.", example: "pm_1Q2w3E4r5T6y" }),
    plan: z.string().min(1).max(50).optional().openapi({ description: "Plan code; default `pro`.", example: "pro" }),
  })
  .openapi("SignupRequest");

const SignupBillingSchema = z
  .object({
    provider: z.enum(["stripe", "local"]).openapi({ description: "`local`: embedded plans, granted without payment." }),
    plan: z.string().openapi({ example: "pro" }),
    status: z.enum(["trialing", "active", "incomplete", "past_due", "canceled"]).openapi({ example: "trialing" }),
    trial_ends_at: z.string().nullable().openapi({ format: "date-time", example: "2026-01-08T09:00:00.000Z" }),
    checkout_url: z
      .string()
      .nullable()
      .openapi({ description: "Stripe Checkout page to complete payment (no payment method given).", example: "https://checkout.stripe.com/c/pay/cs_test_a1" }),
  })
  .openapi("SignupBilling");

const SignupResponseSchema = TokenPairSchema.extend({
  user: SignupUserSchema,
  workspace: SignupWorkspaceSchema,
  billing: SignupBillingSchema,
  checkout_url: z.string().nullable().openapi({ description: "Same as `billing.checkout_url`." }),
}).openapi("SignupResponse");

export const signupRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/signup",
  operationId: "signup",
  tags: ["Authentication"],
  summary: "Sign up: create user, workspace and Stripe trial",
  description:
    "Creates the user, a workspace named after the company (its own database schema, owner membership, seed data) and the subscription: with Stripe, a customer and a 3-day trial, started at once with `payment_method_id`, otherwise a Checkout URL to complete payment; without Stripe (embedded), the plan is granted. Returns a session. All or nothing: a failure leaves no user or workspace behind. Duplicate email: 409; weak password: 422.",
  auth: "none",
  errors: [409],
  request: { body: { required: true, content: { "application/json": { schema: SignupBodySchema } } } },
  responses: { 201: jsonContent(SignupResponseSchema, "The account, its workspace and a session") },
});

export function registerSignup(app: OpenAPIHono<AppEnv>): void {
  app.openapi(signupRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await signup(
      signupDeps(c.get("services")),
      {
        email: body.email,
        password: body.password,
        name: body.name,
        companyName: body.company_name,
        paymentMethodId: body.payment_method_id ?? null,
        ...(body.plan ? { plan: body.plan } : {}),
      },
      requestClient(c),
    );
    const billing = {
      provider: result.billing.provider,
      plan: result.billing.plan,
      status: result.billing.status,
      trial_ends_at: result.billing.trialEndsAt ? result.billing.trialEndsAt.toISOString() : null,
      checkout_url: result.billing.checkoutUrl,
    };
    return c.json(
      {
        ...result.tokens,
        user: toSignupUser(result.user),
        workspace: toSignupWorkspace(result.workspace),
        billing,
        checkout_url: billing.checkout_url,
      },
      201,
    );
  });
}
