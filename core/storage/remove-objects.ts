import type { Logger } from "../ports/logger.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";

/** Deletes run at once: enough to hide S3 round trips, few enough not to trip its rate limits. */
const CONCURRENCY = 8;

/**
 * Deletes stored objects whose rows are already gone (a purge committed): best effort, since
 * the rows cannot come back to point at them. A failed delete is logged and counted, never
 * thrown, so one bad key does not keep the rest. Returns how many could not be deleted.
 *
 * @example
 * const failed = await removeObjects(deps.storage, purged.attachmentKeys, deps.logger);
 */
export async function removeObjects(storage: ObjectStorage, keys: readonly string[], logger?: Logger): Promise<number> {
  let failed = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++]!;
      try {
        await storage.delete(key);
      } catch (error) {
        failed++;
        logger?.warn("could not delete a stored object", { key, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, keys.length) }, worker));
  return failed;
}
