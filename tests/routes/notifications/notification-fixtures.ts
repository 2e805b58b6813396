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
