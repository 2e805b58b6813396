// Filled in by the database layer: prepares a migrated template database once per run.
export default async function setup(): Promise<void> {}
