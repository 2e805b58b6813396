import type { Logger } from "../../core/ports/logger.ts";
import type { ObjectStorage } from "../../core/ports/object-storage.ts";
import { LocalObjectStorage } from "./local-object-storage.ts";

/** Configuration for {@link openObjectStorage}; mirrors the `S3_*`, `DATA_DIR`, `PUBLIC_URL` settings. */
export type OpenObjectStorageOptions = {
  s3?: {
    bucket?: string;
    region?: string;
    endpoint?: string;
    publicEndpoint?: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle?: boolean;
  };
  /** Used when no bucket is configured. */
  local: { root: string; publicUrl: string; signingSecret: string };
  logger?: Logger;
};

/**
 * S3 when a bucket is configured, else a local folder with app-served signed URLs.
 *
 * @example
 * const { kind, storage } = await openObjectStorage({
 *   s3: { bucket: config.S3_BUCKET, endpoint: config.S3_ENDPOINT, forcePathStyle: config.S3_FORCE_PATH_STYLE },
 *   local: { root: `${config.DATA_DIR}/uploads`, publicUrl: config.PUBLIC_URL, signingSecret },
 * });
 */
export async function openObjectStorage(
  opts: OpenObjectStorageOptions,
): Promise<{ kind: "s3" | "local"; storage: ObjectStorage; close(): Promise<void> }> {
  const logger = opts.logger?.child({ component: "object-storage" });
  const s3 = opts.s3;
  if (s3?.bucket) {
    if (Boolean(s3.accessKeyId) !== Boolean(s3.secretAccessKey)) {
      throw new Error("S3 credentials need both an access key id and a secret access key");
    }
    // Loaded only when configured: the AWS SDK is ~20 MB of resident memory.
    const { S3ObjectStorage } = await import("./s3-object-storage.ts");
    const storage = new S3ObjectStorage({
      bucket: s3.bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      publicEndpoint: s3.publicEndpoint,
      forcePathStyle: s3.forcePathStyle,
      credentials:
        s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
    });
    logger?.info("object storage: s3", { bucket: s3.bucket, endpoint: s3.endpoint ?? "aws" });
    return { kind: "s3", storage, close: async () => storage.destroy() };
  }
  const storage = new LocalObjectStorage(opts.local);
  await storage.ping();
  logger?.info("object storage: local folder", { root: opts.local.root });
  return { kind: "local", storage, close: async () => undefined };
}
