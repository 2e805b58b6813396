import { expect, it } from "vitest";
import type { TestApp, TestUser, TestWorkspace } from "../../support/test-app.ts";

/**
 * Records a domain event through the app's recorder (as a feature would) and waits until
 * its notifications were delivered after commit.
 */
export async function recordEvent(
  t: TestApp,
  workspace: TestWorkspace,
  input: { type?: string; actor?: TestUser | null; audience?: TestUser[]; name?: string },
): Promise<void> {
  await t.services.events.record({
    workspaceId: workspace.id,
    type: input.type ?? "task.assigned",
    actorId: input.actor === undefined ? workspace.owner.id : input.actor?.id ?? null,
    entity: { type: "task", id: "task-1", name: input.name ?? "Call the landlord" },
    metadata: {},
    audience: (input.audience ?? []).map((u) => u.id),
  });
  await t.services.notificationFanout.settled();
}

/** The `role %s` table of the security tests: every member role may manage its own notifications. */
export const everyRole = [["admin"], ["member"], ["viewer"]] as const;

/** How a security test calls a route: the method and JSON body, when not a plain GET. */
type Call = { method?: string; json?: unknown };

/** Calls `path` as `user` with a malformed x-workspace-id header and expects 422 problem+json. */
export async function expectMalformedWorkspaceHeader(t: TestApp, user: TestUser, path: string, call: Call = {}): Promise<void> {
  const res = await t.request(path, { ...call, headers: { ...t.as(user), "x-workspace-id": "nope" } });
  expect(res.status).toBe(422);
  expect(res.headers.get("content-type")).toMatch(/problem\+json/);
}

/** Calls `path` in `workspace` without credentials and expects 401. */
export async function expectUnauthenticated(t: TestApp, workspace: TestWorkspace, path: string, call: Call = {}): Promise<void> {
  expect((await t.request(path, { ...call, headers: { "x-workspace-id": workspace.id } })).status).toBe(401);
}

/** Calls `path` in `workspace` as the owner of another, fresh workspace, expects 404 and returns that other workspace. */
export async function expectOutsiderNotFound(t: TestApp, workspace: TestWorkspace, path: string, call: Call = {}): Promise<TestWorkspace> {
  const other = await t.createWorkspace();
  expect((await t.request(path, { ...call, headers: t.as(other.owner, workspace) })).status).toBe(404);
  return other;
}

/**
 * Registers the two standard security tests of a workspace route: 401 without credentials and
 * 404 for a caller from another workspace. `app` is read when the tests run (after beforeAll).
 */
export function itRejectsCallersOutsideTheWorkspace(app: () => { t: TestApp; workspace: TestWorkspace }, path: string, call: Call = {}): void {
  it("answers 401 without credentials", async () => {
    const { t, workspace } = app();
    await expectUnauthenticated(t, workspace, path, call);
  });

  it("answers 404 for a workspace the caller is not in", async () => {
    const { t, workspace } = app();
    await expectOutsiderNotFound(t, workspace, path, call);
  });
}

/** A fresh workspace with one member who opted into email for member.added (their only preference row). */
export async function workspaceWithEmailOptIn(t: TestApp): Promise<{ workspace: TestWorkspace; member: TestUser }> {
  const workspace = await t.createWorkspace();
  const member = await t.addMember(workspace, "member");
  await t.request("/api/v1/notifications/me", { method: "POST", headers: t.as(member, workspace), json: { event_type: "member.added", channel: "email", enabled: true } });
  return { workspace, member };
}
