import type { Transaction } from "kysely";
import type { SeedContext } from "../../../core/workspaces/provisioning/workspace-provisioning-store.ts";
import { jsonb } from "../jsonb.ts";
import type { TenantDatabase } from "../tenant-schema.ts";

/** One named piece of a new workspace's initial data, run in a tenant transaction. */
export type TenantSeedStep = {
  name: string;
  run(trx: Transaction<TenantDatabase>, context: SeedContext): Promise<void>;
};

/**
 * The initial data of every new workspace, in order. The one place seed data is listed:
 * a section whose tenant tables need starting rows appends a step here. Steps must be
 * idempotent (`on conflict do nothing`): provisioning may be retried on the same schema.
 */
export const tenantSeedSteps: TenantSeedStep[] = [
  {
    name: "settings",
    async run(trx, context) {
      const rows = [
        { key: "workspace.name", value: context.name },
        { key: "workspace.plan", value: context.plan },
        { key: "workspace.timezone", value: "UTC" },
        { key: "workspace.locale", value: "en" },
      ];
      await trx
        .insertInto("settings")
        .values(rows.map((r) => ({ key: r.key, value: jsonb(r.value) })))
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
    },
  },
];
