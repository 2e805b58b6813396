import type { EventTransaction } from "../events/domain-event.ts";
import { sendActivationEmail, type SendActivationDeps } from "../accounts/activation.ts";
import type { Actor, Role } from "../auth/actor.ts";
import { Conflict } from "../errors.ts";
import { newId } from "../ids.ts";
import { authorize, type PermissionOverrides } from "../permissions/authorize.ts";
import type { Cache } from "../ports/cache.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import { recordEvent, type EventDeps } from "../events/record-event.ts";
import { ensureMember } from "./ensure-member.ts";
import { assertCanGrant, requireMember, workspaceOf } from "./member-access.ts";
import type { MemberProfilePatch, MemberRepository } from "./member-repository.ts";
import { toMemberView, type MemberView } from "./member-view.ts";

export type CreateMemberDeps = SendActivationDeps & {
  members: MemberRepository;
  storage: ObjectStorage;
  cache: Cache;
  permissionOverrides: PermissionOverrides;
};

export type CreateMemberInput = {
  email: string;
  role: Exclude<Role, "owner">;
  fullName?: string;
  profile?: MemberProfilePatch;
};

export type CreatedMember = MemberView & { user_created: boolean; activation_email_sent: boolean };

/**
 * Adds a user to the workspace: an existing user found by email, or a new user without a
 * password, who is mailed an activation link (Authentication's `sendActivationEmail`).
 * A removed member is re-added.
 * Requires `can_create_member`; the role granted may not exceed the caller's, and the
 * owner role is never granted here. 409 when the user is already a member.
 */
export async function createMember(deps: CreateMemberDeps & EventDeps, actor: Actor, input: CreateMemberInput): Promise<CreatedMember> {
  await authorize(deps, actor, "can_create_member");
  assertCanGrant(actor, input.role);
  const ws = workspaceOf(actor);
  const email = input.email.trim().toLowerCase();
  const existing = await deps.members.findUserByEmail(email);
  const userId = existing?.id ?? newId();
  const fullName = existing?.fullName ?? (input.fullName?.trim() || email.split("@")[0]!);
  // The event commits with the membership (the profile and activation mail come after).
  const added = async (transaction: EventTransaction) => {
    await recordEvent(deps, actor, { type: "member.added", entity: { type: "member", id: userId, name: fullName }, metadata: { role: input.role }, audience: [userId] }, { transaction });
  };
  if (existing) {
    const status = await deps.members.membershipStatus(ws, existing.id);
    if (status === "active" || status === "inactive") throw new Conflict(`${email} is already a member of this workspace`);
    await deps.members.addMembership(ws, { userId, role: input.role }, added);
  } else {
    await deps.members.addMembership(ws, { userId, role: input.role, newUser: { email, fullName } }, added);
  }
  await ensureMember(deps, ws, userId);
  if (input.profile && Object.keys(input.profile).length > 0) await deps.members.updateProfile(ws, userId, input.profile);
  const activationEmailSent = !existing;
  if (activationEmailSent) await sendActivationEmail(deps, userId, ws.id);
  const view = await toMemberView(deps, await requireMember(deps, ws, userId));
  return { ...view, user_created: !existing, activation_email_sent: activationEmailSent };
}
