import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordsetFor } from "./recordset-access.ts";
import type { RecordsetAccessGrantDeps } from "./recordset-access-deps.ts";
import { accessFlags, type AccessFlags, type AccessGrant } from "./recordset-repository.ts";

export type GrantRecordsetAccessInput = {
  slug: string;
  memberId?: string | undefined;
  teamId?: string | undefined;
  /** Flags not given are false, except `can_view`, which defaults to true. */
  flags?: Partial<AccessFlags> | undefined;
};

/** The stored flags: view by default, and any write flag implies view (one sees what one writes to). */
export function grantFlags(given: Partial<AccessFlags> = {}): AccessFlags {
  const flags = Object.fromEntries(accessFlags.map((f) => [f, given[f] ?? f === "can_view"])) as AccessFlags;
  if (accessFlags.some((f) => f !== "can_view" && flags[f])) flags.can_view = true;
  return flags;
}

/**
 * Grants a member or a team flags on a recordset (a second grant to the same member or team
 * replaces the first). Requires `can_admin` on the recordset. Exactly one of `memberId` and
 * `teamId` (422 otherwise); the member must be an active member of the workspace (404 when
 * not a member at all, 422 when deactivated) and the team must exist (404).
 */
export async function grantRecordsetAccess(deps: RecordsetAccessGrantDeps, actor: Actor, input: GrantRecordsetAccessInput): Promise<AccessGrant> {
  if ((input.memberId === undefined) === (input.teamId === undefined)) {
    const message = "give exactly one of member_id and team_id";
    throw new Invalid(message, [
      { field: "member_id", message },
      { field: "team_id", message },
    ]);
  }
  const { recordset } = await recordsetFor(deps, actor, { slug: input.slug }, "can_admin");
  const ws = workspaceOf(actor);
  let name: string;
  if (input.memberId !== undefined) {
    const member = await deps.members.find(ws, input.memberId);
    if (!member) throw new NotFound("member", input.memberId);
    if (member.status !== "active") throw new Invalid("the member is not active in this workspace", [{ field: "member_id", message: "must be an active member of the workspace" }]);
    name = member.fullName;
  } else {
    const team = await deps.teams.find(ws, input.teamId!);
    if (!team) throw new NotFound("team", input.teamId);
    name = team.name;
  }
  return await deps.recordsets.upsertGrant(
    ws,
    {
      id: newId(),
      recordsetId: recordset.id,
      memberId: input.memberId ?? null,
      teamId: input.teamId ?? null,
      flags: grantFlags(input.flags),
      grantedBy: actor.userId,
      createdAt: new Date(),
    },
    async (transaction, grant) => {
      await recordEvent(
        deps,
        actor,
        {
          type: "recordset.access_granted",
          entity: { type: "recordset", id: recordset.id, name: recordset.name },
          metadata: { grant_id: grant.id, member_id: grant.memberId, team_id: grant.teamId, grantee_name: name, flags: grant.flags },
          // A member given access is told (members are keyed by user id).
          ...(grant.memberId ? { audience: [grant.memberId] } : {}),
        },
        { transaction },
      );
    },
  );
}
