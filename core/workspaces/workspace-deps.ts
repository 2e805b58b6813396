import type { PermissionOverrides } from "../permissions/authorize.ts";
import type { AuthDirectory } from "../ports/auth-directory.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { OneTimeTokenStore } from "../ports/one-time-token-store.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { RefreshTokenStore } from "../ports/refresh-token-store.ts";
import type { InvitationRepository } from "./invitation-repository.ts";
import type { WorkspaceRepository } from "./workspace-repository.ts";

/**
 * Every port the Workspaces use-cases draw from; each takes a `Pick` of it. The app's
 * `Services` satisfies it as is, so routes pass `c.get("services")`.
 */
export type WorkspaceDeps = {
  workspaces: WorkspaceRepository;
  workspaceInvitations: InvitationRepository;
  authDirectory: AuthDirectory;
  permissionOverrides: PermissionOverrides;
  oneTimeTokens: OneTimeTokenStore;
  passwordHasher: PasswordHasher;
  refreshTokens: RefreshTokenStore;
  mailer: Mailer;
  secrets: { jwt: string };
  config: { PUBLIC_URL: string; ACCESS_TOKEN_TTL_SECONDS: number; REFRESH_TOKEN_TTL_DAYS: number };
  now(): Date;
};
