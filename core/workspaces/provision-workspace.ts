import { Invalid } from "../errors.ts";
import { newId } from "../ids.ts";
import { DEFAULT_PLAN, type BillingProvider, type BillingSubscription } from "../ports/billing.ts";
import type { Logger } from "../ports/logger.ts";
import { slugCandidates } from "./provisioning/slug.ts";
import type { ProvisionedWorkspace, WorkspaceProvisioningStore } from "./provisioning/workspace-provisioning-store.ts";

export type ProvisionWorkspaceDeps = {
  workspaceProvisioning: WorkspaceProvisioningStore;
  billing: BillingProvider;
  logger?: Logger;
};

export type ProvisionWorkspaceInput = {
  name: string;
  /** The user becoming owner; `email` is the billing contact given to the provider. */
  owner: { userId: string; email?: string };
  /** Plan code; default {@link DEFAULT_PLAN}. */
  plan?: string;
  /** Stripe: a payment method from Stripe.js, so the subscription starts at once. */
  paymentMethodId?: string | null;
  /** A subscription paid before the workspace existed (payment invites): attached, not started. */
  existingSubscription?: { customerId: string; subscriptionId: string };
};

export type ProvisionWorkspaceResult = { workspace: ProvisionedWorkspace; billing: BillingSubscription };

/** One progress report: the step just started and the overall percent (0-100). */
export type ProvisioningProgress = { step: string; percent: number; message: string };

/** Step names reported to `onProgress`, in order (seed steps are `seed:<name>`). */
export const PROVISIONING_STEPS = ["workspace", "database", "membership", "seed", "billing", "done"] as const;

/**
 * Provisions a workspace for an existing user: the workspace row (unique slug from the
 * name), its tenant schema, the owner's membership, the seed data, and the subscription.
 * All or nothing: when a step fails, the steps already done are undone (workspace row
 * deleted, tenant schema dropped, a subscription it started canceled) and the error is
 * rethrown. The user is the caller's: a signup that created it deletes it on failure.
 *
 * @example
 * const { workspace } = await provisionWorkspace(services, { name: "Acme", owner: { userId, email } },
 *   (p) => console.log(p.percent, p.step));
 */
export async function provisionWorkspace(
  deps: ProvisionWorkspaceDeps,
  input: ProvisionWorkspaceInput,
  onProgress?: (progress: ProvisioningProgress) => void | Promise<void>,
): Promise<ProvisionWorkspaceResult> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    throw new Invalid("the workspace name must be 1 to 100 characters", [{ field: "name", message: "1 to 100 characters" }]);
  }
  const plan = input.plan ?? DEFAULT_PLAN;
  const store = deps.workspaceProvisioning;
  const report = async (step: string, percent: number, message: string): Promise<void> => {
    await onProgress?.({ step, percent, message });
  };

  let workspace: ProvisionedWorkspace | null = null;
  let schemaName: string | null = null;
  let startedSubscription: string | null = null;
  try {
    await report("workspace", 5, "Creating the workspace");
    const id = newId();
    for (const slug of slugCandidates(name)) {
      workspace = await store.insertWorkspace({ id, name, slug, ownerId: input.owner.userId, plan });
      if (workspace) break;
    }
    if (!workspace) throw new Error("could not find a free workspace slug");

    await report("database", 15, "Creating the workspace database");
    schemaName = await store.createTenantSchema(workspace.id);
    workspace = { ...workspace, schemaName };

    await report("membership", 55, "Adding the owner");
    await store.addOwner(workspace.id, input.owner.userId);

    const seeds = store.seedStepNames();
    const context = { workspaceId: workspace.id, name, ownerId: input.owner.userId, plan };
    for (const [i, seed] of seeds.entries()) {
      await report(`seed:${seed}`, 60 + Math.round((i / Math.max(1, seeds.length)) * 20), `Preparing ${seed}`);
      await store.runSeedStep(seed, schemaName, context);
    }

    await report("billing", 85, "Setting up the subscription");
    let billing: BillingSubscription;
    if (input.existingSubscription) {
      billing = await deps.billing.attachSubscription({ workspaceId: workspace.id, plan, ...input.existingSubscription });
    } else {
      billing = await deps.billing.startSubscription({
        workspaceId: workspace.id,
        workspaceName: name,
        email: input.owner.email ?? null,
        plan,
        paymentMethodId: input.paymentMethodId ?? null,
      });
      startedSubscription = billing.subscriptionId;
    }
    await store.recordBilling(workspace.id, billing);
    workspace = { ...workspace, plan: billing.plan };

    await report("done", 100, "Workspace ready");
    return { workspace, billing };
  } catch (error) {
    await compensate(deps, workspace?.id ?? null, schemaName, startedSubscription);
    throw error;
  }
}

/** Undoes what a failed provisioning did, newest first; keeps going when one undo fails. */
async function compensate(
  deps: ProvisionWorkspaceDeps,
  workspaceId: string | null,
  schemaName: string | null,
  subscriptionId: string | null,
): Promise<void> {
  const undo = async (what: string, action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch (error) {
      deps.logger?.error("provisioning rollback step failed", { what, workspaceId, error });
    }
  };
  if (subscriptionId) await undo("subscription", () => deps.billing.cancelSubscription(subscriptionId));
  if (workspaceId) await undo("workspace", () => deps.workspaceProvisioning.deleteWorkspace(workspaceId));
  if (schemaName) await undo("tenant schema", () => deps.workspaceProvisioning.dropTenantSchema(schemaName));
}
