import type { InTransaction } from "../events/domain-event.ts";
/** API keys of one workspace, as stored (the secret itself is never stored, only its hash). */
export type ApiKeyCounts = { total: number; active: number; revoked: number };

/** A stored API key, without its secret. */
export type ApiKey = {
  id: string;
  workspaceId: string;
  name: string;
  /** First characters of the key (`fos_live_abc`), enough to recognise it. */
  prefix: string;
  /** Permission names, or `*` for all of a member's grants. */
  scopes: string[];
  isActive: boolean;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A key to store: the SHA-256 of its secret, never the secret. */
export type NewApiKey = {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: string[];
  expiresAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
};

export type ListApiKeysFilter = {
  isActive?: boolean;
  isRevoked?: boolean;
  skip: number;
  limit: number;
};

/** Changes to a key; omitted fields stay as they are. */
export type ApiKeyChanges = {
  name?: string;
  scopes?: string[];
  expiresAt?: Date | null;
  isActive?: boolean;
  revokedAt?: Date;
};

/** Storage of workspace API keys (platform `api_keys` table). Every method is workspace-scoped. */
export interface ApiKeyRepository {
  count(workspaceId: string, now: Date): Promise<ApiKeyCounts>;
  /** Newest first. */
  list(workspaceId: string, filter: ListApiKeysFilter): Promise<{ items: ApiKey[]; total: number }>;
  /** The key, or null when missing or in another workspace. */
  get(workspaceId: string, id: string): Promise<ApiKey | null>;
  create(key: NewApiKey, within?: InTransaction<ApiKey>): Promise<ApiKey>;
  /** Applies `changes` to a key that is not revoked; null when missing, other workspace, or revoked. */
  update(workspaceId: string, id: string, changes: ApiKeyChanges, now: Date, within?: InTransaction<ApiKey>): Promise<ApiKey | null>;
  /**
   * In one transaction: revokes `id` (when not revoked yet) and stores `replacement`.
   * Null, with nothing written, when `id` is missing, in another workspace, or already revoked.
   */
  rotate(
    workspaceId: string,
    id: string,
    replacement: NewApiKey,
    now: Date,
    within?: InTransaction<{ revoked: ApiKey; created: ApiKey }>,
  ): Promise<{ revoked: ApiKey; created: ApiKey } | null>;
  /** True when a key was deleted. */
  delete(workspaceId: string, id: string): Promise<boolean>;
}
