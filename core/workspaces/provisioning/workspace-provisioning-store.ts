import type { BillingSubscription } from "../../ports/billing.ts";

/** A workspace row as provisioning creates it. */
export type ProvisionedWorkspace = {
  id: string;
  name: string;
  slug: string;
  schemaName: string;
  ownerId: string;
  plan: string;
  createdAt: Date;
};

/** What the seed steps know about the workspace they fill. */
export type SeedContext = { workspaceId: string; name: string; ownerId: string; plan: string };

/**
 * The storage steps of provisioning, each committed on its own (a tenant schema is created
 * in its own transaction), so provisioning compensates: `deleteWorkspace` and
 * `dropTenantSchema` undo what succeeded when a later step fails.
 */
export interface WorkspaceProvisioningStore {
  /** Inserts the workspace row; null when `slug` is taken (the caller tries another). */
  insertWorkspace(input: { id: string; name: string; slug: string; ownerId: string; plan: string }): Promise<ProvisionedWorkspace | null>;
  /** Creates the tenant schema with every tenant migration; returns its name. */
  createTenantSchema(workspaceId: string): Promise<string>;
  /** Adds the owner membership (platform `workspace_members`, role owner). */
  addOwner(workspaceId: string, userId: string): Promise<void>;
  /** Names of the seed steps, in order (for progress reporting). */
  seedStepNames(): string[];
  /** Runs one seed step on the tenant schema. */
  runSeedStep(name: string, schemaName: string, context: SeedContext): Promise<void>;
  /** Stores the subscription's ids and state on the workspace. */
  recordBilling(workspaceId: string, billing: BillingSubscription): Promise<void>;
  /** Compensation: removes the workspace row (members and local subscriptions cascade). */
  deleteWorkspace(workspaceId: string): Promise<void>;
  /** Compensation: drops the tenant schema and its role. */
  dropTenantSchema(schemaName: string): Promise<void>;
}
