/**
 * The columns of a partial update: `values` without its undefined entries, so a patch sets
 * only what it names (null still clears a column).
 *
 * @example
 * trx.updateTable("teams").set({ ...definedColumns({ name: patch.name, description: patch.description }), updated_at: sql`now()` })
 */
export function definedColumns<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
