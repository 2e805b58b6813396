import { beforeAll, describe, expect, it } from "vitest";
import { tenantSchemaName } from "../../../adapters/postgres/tenant-names.ts";
import type { BillingProvider } from "../../../core/ports/billing.ts";
import { signup } from "../../../core/signup/signup.ts";
import { provisionWorkspace, type ProvisioningProgress } from "../../../core/workspaces/provision-workspace.ts";
import type { WorkspaceProvisioningStore } from "../../../core/workspaces/provisioning/workspace-provisioning-store.ts";
import { signupDeps } from "../../../app/routes/auth/signup-schemas.ts";
import { sharedTestApp, type TestApp } from "../../support/test-app.ts";
import { GOOD_PASSWORD } from "./account-test-helpers.ts";
import { schemaExists, uniqueEmail, userByEmail } from "./signup-test-helpers.ts";

// core/workspaces/provision-workspace.ts, as used by signup: progress and all-or-nothing rollback.
let t: TestApp;
beforeAll(async () => {
  t = await sharedTestApp();
});

/** The real store, with one step replaced by a failure; records the workspace id it saw. */
function failingStore(step: keyof WorkspaceProvisioningStore): { store: WorkspaceProvisioningStore; seen: { id?: string } } {
  const real = t.services.workspaceProvisioning;
  const seen: { id?: string } = {};
  const store: WorkspaceProvisioningStore = {
    insertWorkspace: async (input) => {
      seen.id = input.id;
      return real.insertWorkspace(input);
    },
    createTenantSchema: (id) => real.createTenantSchema(id),
    addOwner: (w, u) => real.addOwner(w, u),
    seedStepNames: () => real.seedStepNames(),
    runSeedStep: (n, s, c) => real.runSeedStep(n, s, c),
    recordBilling: (w, b) => real.recordBilling(w, b),
    deleteWorkspace: (w) => real.deleteWorkspace(w),
    dropTenantSchema: (s) => real.dropTenantSchema(s),
  };
  (store as unknown as Record<string, () => Promise<never>>)[step] = async () => {
    throw new Error(`${step} failed on purpose`);
  };
  return { store, seen };
}

async function expectNothingLeft(workspaceId: string): Promise<void> {
  expect(await t.database.db.selectFrom("workspaces").select("id").where("id", "=", workspaceId).execute()).toEqual([]);
  expect(await t.database.db.selectFrom("workspace_members").select("user_id").where("workspace_id", "=", workspaceId).execute()).toEqual([]);
  expect(await t.database.db.selectFrom("billing_subscriptions").select("id").where("workspace_id", "=", workspaceId).execute()).toEqual([]);
  expect(await schemaExists(t, tenantSchemaName(workspaceId))).toBe(false);
}

describe("provisionWorkspace: happy", () => {
  it("reports every step with rising percentages up to 100", async () => {
    const owner = await t.createUser();
    const progress: ProvisioningProgress[] = [];
    const { workspace, billing } = await provisionWorkspace(
      t.services,
      { name: "Progress Ltd", owner: { userId: owner.id, email: owner.email }, plan: "starter" },
      (p) => void progress.push(p),
    );
    expect(progress.map((p) => p.step)).toEqual(["workspace", "database", "membership", "seed:settings", "billing", "done"]);
    const percents = progress.map((p) => p.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(percents.at(-1)).toBe(100);
    expect(workspace.plan).toBe("starter");
    expect(billing).toMatchObject({ provider: "local", status: "active", plan: "starter" });
    expect(await schemaExists(t, workspace.schemaName)).toBe(true);
  });
});

describe("provisionWorkspace: error", () => {
  it.each(["addOwner", "runSeedStep", "recordBilling"] as const)(
    "rolls back completely when %s fails: no row, membership, subscription or schema",
    async (step) => {
      const owner = await t.createUser();
      const { store, seen } = failingStore(step);
      await expect(
        provisionWorkspace({ ...t.services, workspaceProvisioning: store }, { name: "Doomed", owner: { userId: owner.id, email: owner.email } }),
      ).rejects.toThrow(/failed on purpose/);
      expect(seen.id).toBeDefined();
      await expectNothingLeft(seen.id!);
    },
  );

  it("cancels a subscription it started when a later step fails", async () => {
    const owner = await t.createUser();
    const canceled: string[] = [];
    const billing: BillingProvider = {
      kind: "local",
      trialDays: 0,
      startSubscription: async (input) => ({
        provider: "local",
        customerId: input.workspaceId,
        subscriptionId: "sub_started",
        plan: input.plan,
        status: "active",
        trialEndsAt: null,
        checkoutUrl: null,
      }),
      attachSubscription: () => Promise.reject(new Error("not used")),
      cancelSubscription: async (id) => void canceled.push(id),
    };
    const { store, seen } = failingStore("recordBilling");
    await expect(
      provisionWorkspace({ workspaceProvisioning: store, billing }, { name: "Doomed", owner: { userId: owner.id, email: owner.email } }),
    ).rejects.toThrow();
    expect(canceled).toEqual(["sub_started"]);
    await expectNothingLeft(seen.id!);
  });

  it("signup deletes the user it created when provisioning fails", async () => {
    const email = uniqueEmail();
    const { store, seen } = failingStore("runSeedStep");
    await expect(
      signup({ ...signupDeps(t.services), workspaceProvisioning: store }, { email, password: GOOD_PASSWORD, name: "Ada", companyName: "Doomed" }),
    ).rejects.toThrow(/failed on purpose/);
    expect(await userByEmail(t, email)).toBeUndefined();
    await expectNothingLeft(seen.id!);
  });

  it("rejects a blank workspace name before creating anything", async () => {
    const owner = await t.createUser();
    await expect(provisionWorkspace(t.services, { name: "  ", owner: { userId: owner.id, email: owner.email } })).rejects.toThrow(/name/);
  });
});

describe("local plans billing (embedded)", () => {
  it("grants the plan at once, and cancel marks the subscription canceled (idempotent)", async () => {
    const owner = await t.createUser();
    // The Workspaces section calls it with the owner's id only.
    const { workspace, billing } = await provisionWorkspace(t.services, { name: "Local Plan Co", owner: { userId: owner.id } });
    expect(t.services.billing.kind).toBe("local");
    await t.services.billing.cancelSubscription(billing.subscriptionId!);
    await t.services.billing.cancelSubscription(billing.subscriptionId!);
    const row = await t.database.db
      .selectFrom("billing_subscriptions")
      .select(["status", "canceled_at", "plan_code"])
      .where("workspace_id", "=", workspace.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "canceled", plan_code: "pro", canceled_at: expect.any(Date) });
  });
});
