import { sql } from "kysely";
import type { BillingSubscription } from "../../../core/ports/billing.ts";
import type {
  ProvisionedWorkspace,
  SeedContext,
  WorkspaceProvisioningStore,
} from "../../../core/workspaces/provisioning/workspace-provisioning-store.ts";
import { createTenantSchema, dropTenantSchema } from "../migrator.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import { tenantSchemaName } from "../tenant-names.ts";
import { tenantSeedSteps, type TenantSeedStep } from "./tenant-seed-steps.ts";

/** Provisioning storage on the platform database; seed steps run as the tenant's role. */
export class PostgresWorkspaceProvisioning implements WorkspaceProvisioningStore {
  constructor(
    private readonly handle: DatabaseHandle,
    private readonly seeds: readonly TenantSeedStep[] = tenantSeedSteps,
  ) {}

  async insertWorkspace(input: { id: string; name: string; slug: string; ownerId: string; plan: string }): Promise<ProvisionedWorkspace | null> {
    const row = await this.handle.db
      .insertInto("workspaces")
      .values({
        id: input.id,
        name: input.name,
        slug: input.slug,
        schema_name: tenantSchemaName(input.id),
        owner_id: input.ownerId,
        plan: input.plan,
        // Not usable until provisioning finishes: membership checks skip non-active workspaces.
        status: "provisioning",
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning(["id", "name", "slug", "schema_name", "owner_id", "plan", "created_at"])
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      slug: row.slug,
      schemaName: row.schema_name,
      ownerId: input.ownerId,
      plan: row.plan,
      createdAt: row.created_at,
    };
  }

  createTenantSchema(workspaceId: string): Promise<string> {
    return createTenantSchema(this.handle.db, workspaceId);
  }

  async addOwner(workspaceId: string, userId: string): Promise<void> {
    await this.handle.db
      .insertInto("workspace_members")
      .values({ workspace_id: workspaceId, user_id: userId, role: "owner" })
      .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doUpdateSet({ role: "owner" }))
      .execute();
  }

  seedStepNames(): string[] {
    return this.seeds.map((s) => s.name);
  }

  async runSeedStep(name: string, schemaName: string, context: SeedContext): Promise<void> {
    const step = this.seeds.find((s) => s.name === name);
    if (!step) throw new Error(`unknown seed step "${name}"`);
    await tenantDatabase(this.handle, schemaName).transaction((trx) => step.run(trx, context));
  }

  async recordBilling(workspaceId: string, billing: BillingSubscription): Promise<void> {
    await this.handle.db
      .updateTable("workspaces")
      .set({
        plan: billing.plan,
        billing_provider: billing.provider,
        billing_customer_id: billing.customerId,
        billing_subscription_id: billing.subscriptionId,
        billing_status: billing.status,
        trial_ends_at: billing.trialEndsAt,
        status: "active",
        updated_at: sql`now()`,
      })
      .where("id", "=", workspaceId)
      .execute();
  }

  async deleteWorkspace(workspaceId: string): Promise<void> {
    await this.handle.db.deleteFrom("workspaces").where("id", "=", workspaceId).execute();
  }

  dropTenantSchema(schemaName: string): Promise<void> {
    return dropTenantSchema(this.handle.db, schemaName);
  }
}
