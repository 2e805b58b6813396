// `npm run bench [-- suite ...] [--full]`: runs benchmark suites and prints each figure
// beside a baseline measured in the same run (raw SQL, raw COPY, ...), as ratios,
// because these machines are shared and absolute numbers drift.
import { migratePlatform } from "../adapters/postgres/migrator.ts";
import { openDatabase, type DatabaseHandle } from "../adapters/postgres/open-database.ts";
import { loadConfig } from "../app/config/load-config.ts";
import { tuneHeapGrowth } from "../app/runtime/heap-tuning.ts";
import { jobsBench } from "./suites/jobs.ts";
import { eventsBench } from "./suites/events.ts";
import { recordsBench } from "./suites/records.ts";
import { exportBench } from "./suites/export.ts";
import { importBench } from "./suites/import.ts";

export type BenchContext = { database: DatabaseHandle; size: "quick" | "full" };

/** Suites by name. Sections with performance targets add theirs here. */
const suites: Record<string, (context: BenchContext) => Promise<void>> = {
  jobs: jobsBench,
  events: eventsBench,
  records: recordsBench,
  export: exportBench,
  import: importBench,
};

const args = process.argv.slice(2);
const size = args.includes("--full") ? "full" : "quick";
// `--rows N` (records) takes a value: not a suite name.
const chosen = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--rows");
const unknown = chosen.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(", ")}; available: ${Object.keys(suites).join(", ")}`);
  process.exit(2);
}

const config = loadConfig();
tuneHeapGrowth(config.NODE_HEAP_GROWING_PERCENT);
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: `${config.DATA_DIR}/bench`, poolMax: 8 });
try {
  await migratePlatform(database.db);
  console.log(`database: ${database.kind}; size: ${size} (pass --full for the full sizes)`);
  for (const name of chosen.length > 0 ? chosen : Object.keys(suites)) await suites[name]!({ database, size });
} finally {
  await database.close();
}
