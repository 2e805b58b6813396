import { generateSecretToken, hashSecretToken } from "../auth/secret-token.ts";
import { Invalid } from "../errors.ts";
import { newId } from "../ids.ts";
import type { PaymentInvite, PaymentInviteRepository } from "./payment-invite-repository.ts";

export type CreatePaymentInviteDeps = { paymentInvites: PaymentInviteRepository; now(): Date };

export type CreatePaymentInviteInput = {
  email: string;
  customerName?: string;
  companyName?: string;
  plan: string;
  stripeCustomerId: string;
  stripeSubscriptionId: string;
  /** Default 30 days. */
  ttlDays?: number;
};

/** The invite and its two secrets, shown once (emailed to the payer). */
export type CreatedPaymentInvite = { invite: PaymentInvite; inviteCode: string; accessCode: string };

const ACCESS_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * Creates a payment invite after a Stripe payment (called by the Stripe webhook): a 256-bit
 * invite code for the registration link and a short access code for the "final process"
 * page. Both are stored hashed.
 */
export async function createPaymentInvite(
  deps: CreatePaymentInviteDeps,
  input: CreatePaymentInviteInput,
): Promise<CreatedPaymentInvite> {
  const email = input.email.trim();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Invalid("invalid email", [{ field: "email", message: "not an email" }]);
  const inviteCode = generateSecretToken("inv_");
  const accessCode = generateAccessCode();
  const now = deps.now();
  const invite = await deps.paymentInvites.insert({
    id: newId(),
    email,
    customerName: input.customerName ?? "",
    companyName: input.companyName ?? "",
    plan: input.plan,
    stripeCustomerId: input.stripeCustomerId,
    stripeSubscriptionId: input.stripeSubscriptionId,
    expiresAt: new Date(now.getTime() + (input.ttlDays ?? 30) * 86_400_000),
    codeHash: hashSecretToken(inviteCode),
    accessCodeHash: hashAccessCode(accessCode),
  });
  return { invite, inviteCode, accessCode };
}

/** Access codes are typed by people: case and separators do not matter. */
export function hashAccessCode(code: string): string {
  return hashSecretToken(code.toUpperCase().replace(/[^A-Z0-9]/g, ""));
}

function generateAccessCode(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => ACCESS_ALPHABET[b % ACCESS_ALPHABET.length]).join("");
}
