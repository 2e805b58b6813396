import type { AccountRepository } from "../accounts/account-repository.ts";
import type { MemberRepository } from "../members/member-repository.ts";
import type { PermissionOverrides } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import type { Mailer } from "../ports/mailer.ts";
import type { OneTimeTokenStore } from "../ports/one-time-token-store.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { RefreshTokenStore } from "../ports/refresh-token-store.ts";
import type { EventRecorder } from "../events/domain-event.ts";
import type { InvitationRepository } from "./invitation-repository.ts";
import type { WorkspaceRepository } from "./workspace-repository.ts";

/**
 * Every port the Workspaces use-cases draw from; each takes a `Pick` of it. The app's
 * `Services` satisfies it as is, so routes pass `c.get("services")`.
 */
export type WorkspaceDeps = {
  workspaces: WorkspaceRepository;
  workspaceInvitations: InvitationRepository;
  /** The Members section's memberships and tenant member rows: joining and leaving go through it. */
  members: MemberRepository;
  cache: Cache;
  /** Whether a tenant schema has every migration applied (membership changes write tenant rows). */
  tenantSchemas: { isCurrent(schemaName: string): Promise<boolean> };
  /** The Authentication section's accounts: reset and activation emails go through its use-cases. */
  accounts: AccountRepository;
  permissionOverrides: PermissionOverrides;
  oneTimeTokens: OneTimeTokenStore;
  passwordHasher: PasswordHasher;
  refreshTokens: RefreshTokenStore;
  mailer: Mailer;
  secrets: { jwt: string };
  config: { PUBLIC_URL: string; ACCESS_TOKEN_TTL_SECONDS: number; REFRESH_TOKEN_TTL_DAYS: number };
  now(): Date;
  /** Activity Feed: domain events (member.added, invitation.sent, ...). */
  events: EventRecorder;
};
