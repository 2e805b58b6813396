import type { TestApp, TestWorkspace } from "../../support/test-app.ts";

/** A team created through the API as the workspace owner. */
export async function createTeam(
  t: TestApp,
  ws: TestWorkspace,
  fields: { name?: string; parent_team_id?: string | null; description?: string; is_active?: boolean } = {},
): Promise<{ id: string; name: string; parent_team_id: string | null }> {
  const res = await t.request("/api/v1/teams", {
    method: "POST",
    headers: t.as(ws.owner, ws),
    json: { name: `Team ${crypto.randomUUID().slice(0, 8)}`, ...fields },
  });
  if (res.status !== 201) throw new Error(`createTeam failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; name: string; parent_team_id: string | null };
}

/** Adds `memberId` to the team through the API as the workspace owner. */
export async function addToTeam(t: TestApp, ws: TestWorkspace, teamId: string, memberId: string, role: "lead" | "member" = "member"): Promise<void> {
  const res = await t.request(`/api/v1/teams/${teamId}/members`, { method: "POST", headers: t.as(ws.owner, ws), json: { member_id: memberId, role } });
  if (res.status !== 201) throw new Error(`addToTeam failed: ${res.status}`);
}

export const unknownId = "01939a6e-7c1e-7b41-9a31-5f2b8d1c0aff";

/** The `it.each` rows of the role checks: admin gets `adminStatus`, member and viewer 403. */
export function onlyAdminRoles(adminStatus: 200 | 201 | 204) {
  return [
    ["admin", adminStatus],
    ["member", 403],
    ["viewer", 403],
  ] as const;
}
