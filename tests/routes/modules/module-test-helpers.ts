/** The `role %s gets %i` table of an admin-only route: an admin gets `status`, a member or viewer 403. */
export const onlyAdminGets = <S extends number>(status: S) =>
  [
    ["admin", status],
    ["member", 403],
    ["viewer", 403],
  ] as const;
