import { expect, it } from "vitest";
import { createApp } from "../../../app/create-app.ts";
import { newId } from "../../../core/ids.ts";
import type { TestApp, TestWorkspace } from "../../support/test-app.ts";
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

type KeyAction = (id: string, headers: Record<string, string>) => Promise<Response>;
type KeyContext = () => { t: TestApp; workspace: TestWorkspace };

/** `it`: an unknown id answers 404 and a malformed one 422 (`malformed` is the bad id used). */
export function itAnswers404And422ForBadIds(ctx: KeyContext, action: KeyAction, malformed = "x"): void {
  it("answers 404 for an unknown id and 422 for a malformed one", async () => {
    const { t, workspace } = ctx();
    expect((await action(newId(), t.as(workspace.owner, workspace))).status).toBe(404);
    expect((await action(malformed, t.as(workspace.owner, workspace))).status).toBe(422);
  });
}

/** `it`: the action answers 401 when only the workspace header is sent. */
export function itAnswers401WithoutCredentials(ctx: KeyContext, action: KeyAction): void {
  it("answers 401 without credentials", async () => {
    const { t, workspace } = ctx();
    const { id } = await t.createApiKey(workspace);
    expect((await action(id, { "x-workspace-id": workspace.id })).status).toBe(401);
  });
}

/** `it`: another workspace's owner gets 404 and the key still works. */
export function itAnswers404ForAnotherWorkspacesKey(ctx: KeyContext, action: KeyAction): void {
  it("answers 404 for another workspace's key", async () => {
    const { t, workspace } = ctx();
    const other = await t.createWorkspace();
    const { id, key } = await t.createApiKey(workspace);
    expect((await action(id, t.as(other.owner, other))).status).toBe(404);
    expect(await apiKeyProbeStatus(t, key)).toBe(200);
  });
}

/** `it.each`: admin gets 200, member and viewer 403. */
export function itChecksKeyActionRoles(ctx: KeyContext, action: KeyAction): void {
  it.each([
    ["admin", 200],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const { t, workspace } = ctx();
    const user = await t.addMember(workspace, role);
    const { id } = await t.createApiKey(workspace);
    expect((await action(id, t.as(user, workspace))).status).toBe(status);
  });
}

/** Gives `workspace` one active, one revoked and one disabled api key. */
export async function createOneKeyOfEachState(t: TestApp, workspace: TestWorkspace): Promise<void> {
  await t.createApiKey(workspace);
  await t.createApiKey(workspace, { revoked: true });
  await t.createApiKey(workspace, { isActive: false });
}
