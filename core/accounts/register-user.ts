import { Conflict } from "../errors.ts";
import { newId } from "../ids.ts";
import type { AccountDeps } from "./account-deps.ts";
import { viewAccount, type AccountView } from "./account-view.ts";
import { checkPasswordPolicy, normalizeEmail } from "./password-policy.ts";

export type RegisterUserDeps = Pick<AccountDeps, "accounts" | "passwordHasher" | "storage" | "now">;
export type RegisterUserInput = { email: string; password: string; fullName: string };

/** Creates an account with a password (legacy registration: no workspace). Duplicate email: 409. */
export async function registerUser(deps: RegisterUserDeps, input: RegisterUserInput): Promise<AccountView> {
  checkPasswordPolicy(input.password);
  const passwordHash = await deps.passwordHasher.hash(input.password);
  const account = await deps.accounts.create(
    { id: newId(), email: normalizeEmail(input.email), fullName: input.fullName.trim(), passwordHash },
    deps.now(),
  );
  if (!account) throw new Conflict("an account with this email already exists", { field: "email" });
  return await viewAccount(deps, account);
}
