import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { MemberRepository } from "../members/member-repository.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { requireTeam } from "./team-access.ts";
import type { TeamRepository } from "./team-repository.ts";
import { toTeamMemberView, type TeamMemberView } from "./team-view.ts";

export type TeamMembersDeps = {
  teams: TeamRepository;
  members: MemberRepository;
  storage: ObjectStorage;
  permissionOverrides: PermissionOverrides;
};

/** The team's members (leads first, then by name) with their directory fields. */
export async function listTeamMembers(
  deps: TeamMembersDeps,
  actor: Actor,
  input: { teamId: string },
): Promise<{ items: TeamMemberView[]; total: number }> {
  await authorize(deps, actor, "can_view_team");
  const ws = workspaceOf(actor);
  await requireTeam(deps, ws, input.teamId);
  const memberships = await deps.teams.listMembers(ws, input.teamId);
  const records = await deps.members.findMany(
    ws,
    memberships.map((m) => m.userId),
  );
  const byUser = new Map(memberships.map((m) => [m.userId, m]));
  // findMany orders by name; leads go first.
  const ordered = [...records].sort((a, b) => Number(byUser.get(a.userId)!.role !== "lead") - Number(byUser.get(b.userId)!.role !== "lead"));
  const items = await Promise.all(ordered.map((record) => toTeamMemberView(deps, byUser.get(record.userId)!, record)));
  return { items, total: items.length };
}
