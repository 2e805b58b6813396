export const roles = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof roles)[number];

/** Higher number = more power. "Same or higher role" rules compare these. */
export const roleRank: Record<Role, number> = { owner: 40, admin: 30, member: 20, viewer: 10 };

/** The workspace a request acts in, after membership was checked. */
export type WorkspaceContext = {
  id: string;
  schemaName: string;
  role: Role;
};

/** Who is making a request, as established by the auth middleware. */
export type Actor =
  | {
      kind: "user";
      userId: string;
      sessionId: string;
      isStaff: boolean;
      isSuperuser: boolean;
      /** Set when staff impersonate this user. */
      impersonatorId?: string;
      workspace?: WorkspaceContext;
    }
  | {
      kind: "api-key";
      apiKeyId: string;
      /** The user who created the key; actions are attributed to them. */
      userId: string | null;
      scopes: string[];
      workspace: WorkspaceContext;
    };

/** True when `role` is at least `required`. */
export function hasRoleAtLeast(role: Role, required: Role): boolean {
  return roleRank[role] >= roleRank[required];
}
