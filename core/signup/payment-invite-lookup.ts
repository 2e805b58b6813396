import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { hashSecretToken } from "../auth/secret-token.ts";
import { hashAccessCode } from "../billing/create-payment-invite.ts";
import type { PaymentInvite, PaymentInviteRepository } from "../billing/payment-invite-repository.ts";
import { NotFound } from "../errors.ts";

export type PaymentInviteLookupDeps = { paymentInvites: PaymentInviteRepository; now(): Date };

/** The invite behind a registration link (the code is the credential). Unknown: NotFound. */
export async function getPaymentInvite(deps: PaymentInviteLookupDeps, inviteCode: string): Promise<PaymentInvite> {
  const invite = await deps.paymentInvites.findByCodeHash(hashSecretToken(inviteCode));
  if (!invite) throw new NotFound("payment invite");
  return invite;
}

/**
 * The newest invite for `email` whose access code matches (compared in constant time over
 * hashes). A wrong code answers like an unknown email, so neither can be probed.
 */
export async function lookupPaymentInvite(
  deps: PaymentInviteLookupDeps,
  input: { email: string; accessCode: string },
): Promise<PaymentInvite> {
  const candidates = await deps.paymentInvites.listByEmail(input.email.trim(), 20);
  const given = new TextEncoder().encode(hashAccessCode(input.accessCode));
  let match: PaymentInvite | null = null;
  for (const { accessCodeHash, ...invite } of candidates) {
    // Every candidate is compared, so the time taken does not tell which one matched.
    if (constantTimeEqual(new TextEncoder().encode(accessCodeHash), given) && !match) match = invite;
  }
  if (!match) throw new NotFound("payment invite");
  return match;
}
