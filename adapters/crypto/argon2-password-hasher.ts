import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "../../core/ports/password-hasher.ts";

/**
 * Argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane):
 * ~25 ms per hash on this class of machine, cheap enough for login bursts,
 * costly for offline guessing.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly options: { memoryCost?: number; timeCost?: number } = {}) {}

  async hash(password: string): Promise<string> {
    return await hash(password, {
      algorithm: 2, // Argon2id
      memoryCost: this.options.memoryCost ?? 19_456,
      timeCost: this.options.timeCost ?? 2,
      parallelism: 1,
    });
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }
}
