/** A user as signup, Clerk and impersonation see it. */
export type SignupUser = {
  id: string;
  email: string;
  fullName: string;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  clerkId: string | null;
};

export type NewSignupUser = {
  id: string;
  email: string;
  passwordHash: string;
  fullName: string;
  clerkId?: string | null;
};

/** Platform `users` rows, for creating accounts and finding them by email or Clerk id. */
export interface SignupUserStore {
  /** Not deleted; the email is matched case-insensitively. */
  findByEmail(email: string): Promise<SignupUser | null>;
  findById(id: string): Promise<SignupUser | null>;
  findByClerkId(clerkId: string): Promise<SignupUser | null>;
  /** Null when the email (or Clerk id) is already taken. */
  create(user: NewSignupUser): Promise<SignupUser | null>;
  /** Compensation of a failed signup: removes the user it created. */
  delete(id: string): Promise<void>;
  /** Links a Clerk id to a user that has none; false when it already had one or the id is taken. */
  linkClerkId(id: string, clerkId: string): Promise<boolean>;
}
