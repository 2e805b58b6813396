/** Where a workspace's tenant schema stands against the code's tenant migrations. */
export type TenantSchemaState = {
  /** Last applied migration; null when the schema or its bookkeeping is missing. */
  current: string | null;
  latest: string;
  behind: boolean;
};

/** Counts shown on the health page. */
export type WorkspaceCounts = { members: number; activeApiKeys: number };

/** Reads what Workspace Health reports; never touches tables a pending migration may change. */
export interface WorkspaceHealthReader {
  schemaState(schemaName: string): Promise<TenantSchemaState>;
  counts(workspaceId: string, now: Date): Promise<WorkspaceCounts>;
}
