/** A Stripe payment invite: someone paid through Stripe and registers afterwards. */
export type PaymentInvite = {
  id: string;
  email: string;
  customerName: string;
  companyName: string;
  plan: string;
  stripeCustomerId: string;
  stripeSubscriptionId: string;
  expiresAt: Date;
  usedAt: Date | null;
  usedByUserId: string | null;
  workspaceId: string | null;
  signupJobId: string | null;
  createdAt: Date;
};

/** The stored form: the invite code and access code only as SHA-256 hashes. */
export type StoredPaymentInvite = PaymentInvite & { accessCodeHash: string };

export type NewPaymentInvite = Omit<PaymentInvite, "usedAt" | "usedByUserId" | "workspaceId" | "signupJobId" | "createdAt"> & {
  codeHash: string;
  accessCodeHash: string;
};

/** Platform `stripe_payment_invites`. */
export interface PaymentInviteRepository {
  insert(invite: NewPaymentInvite): Promise<PaymentInvite>;
  findById(id: string): Promise<PaymentInvite | null>;
  findByCodeHash(codeHash: string): Promise<PaymentInvite | null>;
  /** Invites for this email (case-insensitive), newest first. */
  listByEmail(email: string, limit: number): Promise<StoredPaymentInvite[]>;
  /** Marks the invite used by `userId`, atomically: false when already used or expired. */
  claim(id: string, userId: string, now: Date): Promise<boolean>;
  /** Undoes a claim after a failed signup. */
  release(id: string, userId: string): Promise<void>;
  linkWorkspace(id: string, workspaceId: string): Promise<void>;
  setSignupJob(id: string, jobId: string): Promise<void>;
  /**
   * Records that the signup's session tokens were handed out (async signup stream); true only
   * the first time and only once the workspace is linked, so a job id yields tokens once.
   */
  claimSession(id: string, now: Date): Promise<boolean>;
}
