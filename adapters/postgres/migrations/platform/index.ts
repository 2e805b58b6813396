import type { Migration } from "../migration.ts";
import { migration as m0001 } from "./0001_core.ts";
import { migration as m0002 } from "./0002_jobs.ts";
import { migration as m0003 } from "./0003_mail_outbox.ts";
import { migration as m0004 } from "./0004_user_profile.ts";
import { migration as m0005 } from "./0005_billing_and_invites.ts";
import { migration as m0006 } from "./0006_workspace_invitations.ts";
import { migration as m0007 } from "./0007_refresh_token_impersonator.ts";

/** Platform (`public` schema) migrations, in order. To add one: import it above and append it here. */
export const platformMigrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
];
