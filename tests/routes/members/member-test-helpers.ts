import { expect, it } from "vitest";
import { tenantDatabase } from "../../../adapters/postgres/tenant-database.ts";
import type { TestApp, TestWorkspace } from "../../support/test-app.ts";

/** Sets a workspace's override of one permission for a role (as the permissions screen would). */
export async function overridePermission(
  t: TestApp,
  ws: TestWorkspace,
  role: "admin" | "member" | "viewer",
  permission: string,
  allowed: boolean,
): Promise<void> {
  await tenantDatabase(t.database, ws.schemaName).transaction((trx) =>
    trx
      .insertInto("role_permissions")
      .values({ role, permission, allowed })
      .onConflict((oc) => oc.columns(["role", "permission"]).doUpdateSet({ allowed }))
      .execute(),
  );
}

/** A tiny valid PNG (1x1). */
export const pngBytes = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
);

/** A multipart body with `bytes` as the `file` field. */
export function avatarForm(bytes: Uint8Array, name = "avatar.png", type = "image/png"): FormData {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

/** A team led by `leadId` (created through the API as the workspace owner); returns its id. */
export async function createLedTeam(t: TestApp, ws: TestWorkspace, leadId: string, name = `Team ${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const team = await t.request("/api/v1/teams", { method: "POST", headers: t.as(ws.owner, ws), json: { name } });
  if (team.status !== 201) throw new Error(`team creation failed: ${team.status}`);
  const { id } = (await team.json()) as { id: string };
  const added = await t.request(`/api/v1/teams/${id}/members`, {
    method: "POST",
    headers: t.as(ws.owner, ws),
    json: { member_id: leadId, role: "lead" },
  });
  if (added.status !== 201) throw new Error(`adding the lead failed: ${added.status}`);
  return id;
}

/** An API key of `ws` created by `userId`. */
export async function createApiKeyBy(t: TestApp, ws: TestWorkspace, userId: string): Promise<string> {
  const { id } = await t.createApiKey(ws);
  await t.database.db.updateTable("api_keys").set({ created_by: userId }).where("id", "=", id).execute();
  return id;
}

/** A route that acts on one member: `(memberId, headers)` → response. */
export type MemberAction = (id: string, headers: Record<string, string>) => Promise<Response>;
type MemberContext = () => { t: TestApp; workspace: TestWorkspace };

/** `it`: acting on the owner with only the workspace header answers 401. */
export function itAnswers401WithoutCredentials(ctx: MemberContext, action: MemberAction): void {
  it("answers 401 without credentials", async () => {
    const { workspace } = ctx();
    expect((await action(workspace.owner.id, { "x-workspace-id": workspace.id })).status).toBe(401);
  });
}

/** `it` named `name`: an admin acting on the owner answers 403. */
export function itForbidsAdminActingOnOwner(ctx: MemberContext, action: MemberAction, name: string): void {
  it(name, async () => {
    const { t, workspace } = ctx();
    const admin = await t.addMember(workspace, "admin");
    expect((await action(workspace.owner.id, t.as(admin, workspace))).status).toBe(403);
  });
}

/** `it.each`: acting on a viewer, admin gets `adminStatus`, member and viewer 403. */
export function itChecksMemberActionRoles(ctx: MemberContext, action: MemberAction, adminStatus: number): void {
  it.each([
    ["admin", adminStatus],
    ["member", 403],
    ["viewer", 403],
  ] as const)("role %s gets %i", async (role, status) => {
    const { t, workspace } = ctx();
    const user = await t.addMember(workspace, role);
    const target = await t.addMember(workspace, "viewer");
    expect((await action(target.id, t.as(user, workspace))).status).toBe(status);
  });
}
