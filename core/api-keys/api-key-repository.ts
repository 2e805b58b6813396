/** API keys of one workspace, as stored (the secret itself is never stored, only its hash). */
export type ApiKeyCounts = { total: number; active: number; revoked: number };

/** Storage of workspace API keys (platform `api_keys` table). Every method is workspace-scoped. */
export interface ApiKeyRepository {
  count(workspaceId: string, now: Date): Promise<ApiKeyCounts>;
}
