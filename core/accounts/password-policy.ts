import { Invalid } from "../errors.ts";

/** Shortest accepted password. */
export const PASSWORD_MIN_LENGTH = 8;
/** Longest accepted password: bounds the hashing work one request can ask for. */
export const PASSWORD_MAX_LENGTH = 256;

/** Throws `Invalid` (422) naming `field` when the password breaks the policy. */
export function checkPasswordPolicy(password: string, field = "password"): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new Invalid("the password is too short", [
      { field, message: `must be at least ${PASSWORD_MIN_LENGTH} characters` },
    ]);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new Invalid("the password is too long", [{ field, message: `must be at most ${PASSWORD_MAX_LENGTH} characters` }]);
  }
  if (password.trim().length === 0) {
    throw new Invalid("the password is blank", [{ field, message: "must not be only whitespace" }]);
  }
}

/** Emails are compared case-insensitively and stored trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
