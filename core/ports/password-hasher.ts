/** Password hashing (Argon2id in production). Hashes embed their own parameters and salt. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True when `password` matches `hash`; false (never a throw) for a malformed hash. */
  verify(hash: string, password: string): Promise<boolean>;
}
