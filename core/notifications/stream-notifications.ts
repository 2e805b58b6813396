import type { Actor } from "../auth/actor.ts";
import { Forbidden } from "../errors.ts";
import { workspaceEventsChannel } from "../events/event-subscribers.ts";
import type { WorkspaceRepository } from "../workspaces/workspace-repository.ts";
import { notificationLiveEvents, parsedOnce, userNotificationsChannel, workspaceLiveEvent, type LiveEvent } from "./live-events.ts";
import type { ReplayLog } from "./replay-log.ts";
import type { SharedSubscriptions } from "./shared-subscriptions.ts";

export type StreamNotificationsDeps = {
  liveSubscriptions: SharedSubscriptions;
  replayLog: ReplayLog;
  workspaces: Pick<WorkspaceRepository, "listForUser">;
};

const toNotifications = parsedOnce(notificationLiveEvents);
const toWorkspaceEvent = parsedOnce(workspaceLiveEvent);

/** Events a slow client may fall behind by before the oldest are dropped (it can reconnect with Last-Event-ID). */
const MAX_QUEUED = 1_000;

async function workspaceIdsOf(deps: StreamNotificationsDeps, userId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await deps.workspaces.listForUser(userId, { page, pageSize: 100 });
    ids.push(...items.map((w) => w.id));
    if (items.length === 0 || ids.length >= total) return ids;
  }
}

/**
 * The caller's live events across all their workspaces: `notification` (from
 * `user:<id>:notifications`) and `workspace_event` (from each workspace's `ws:<id>:events`).
 * Subscribes first, then replays what came after `lastEventId` (last 5 minutes), so nothing
 * falls between; duplicates are skipped by id. Ends when `signal` aborts, leaving every channel.
 */
export async function* streamNotifications(
  deps: StreamNotificationsDeps,
  actor: Actor,
  options: { lastEventId?: string | null; signal: AbortSignal },
): AsyncGenerator<LiveEvent> {
  if (actor.kind !== "user") throw new Forbidden("the notification stream belongs to a signed-in user");
  const userId = actor.userId;
  const workspaceIds = await workspaceIdsOf(deps, userId);
  const queue: LiveEvent[] = [];
  let wake: (() => void) | null = null;
  const push = (events: LiveEvent | readonly LiveEvent[] | null): void => {
    if (!events) return;
    for (const event of Array.isArray(events) ? events : [events as LiveEvent]) queue.push(event);
    if (queue.length > MAX_QUEUED) queue.splice(0, queue.length - MAX_QUEUED);
    wake?.();
  };
  const leaves: Array<() => Promise<void>> = [];
  try {
    leaves.push(
      await deps.liveSubscriptions.listen(userNotificationsChannel(userId), (message) => push(toNotifications(message))),
    );
    for (const id of workspaceIds) {
      leaves.push(await deps.liveSubscriptions.listen(workspaceEventsChannel(id), (message) => push(toWorkspaceEvent(message))));
    }
    const sent = new Set<string>();
    if (options.lastEventId) {
      const streams = [`user:${userId}`, ...workspaceIds.map((id) => `ws:${id}`)];
      for (const event of await deps.replayLog.since(streams, options.lastEventId)) {
        sent.add(event.id);
        yield event;
      }
    }
    const aborted = new Promise<void>((resolve) => options.signal.addEventListener("abort", () => resolve(), { once: true }));
    while (!options.signal.aborted) {
      const next = queue.shift();
      if (next) {
        if (sent.has(next.id)) continue;
        yield next;
        continue;
      }
      // Replayed ids only matter until the live queue has passed them.
      sent.clear();
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
      wake = null;
    }
  } finally {
    await Promise.all(leaves.map((leave) => leave()));
  }
}
