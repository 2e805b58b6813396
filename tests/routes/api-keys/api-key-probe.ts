import { createApp } from "../../../app/create-app.ts";
import type { TestApp } from "../../support/test-app.ts";
import { registerWithProbes } from "../../support/probe-routes.ts";

const apps = new WeakMap<TestApp, ReturnType<typeof createApp>>();

/**
 * The status an `auth: api-key` route answers for `key`: the shared test app's
 * services behind an app that also has the probe routes (tests/support/probe-routes.ts).
 */
export async function apiKeyProbeStatus(t: TestApp, key: string): Promise<number> {
  let app = apps.get(t);
  if (!app) {
    app = createApp(t.services, registerWithProbes);
    apps.set(t, app);
  }
  const res = await app.request("/__probe/api-key", { headers: { "x-api-key": key } });
  return res.status;
}
