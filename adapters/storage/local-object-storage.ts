import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { access, constants, mkdir, open, readFile, realpath, rename, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { Conflict, Invalid } from "../../core/errors.ts";
import type { ObjectStorage, SignedUpload, StoredObject, StoredObjectInfo } from "../../core/ports/object-storage.ts";
import { buildSignedUrl } from "../../core/signing/url-signature.ts";
import { assertSafeObjectKey } from "../../core/storage/object-key.ts";
import { assertContentType } from "./content-type-check.ts";
import { contentTypeFromKey } from "./content-type.ts";
import { assertSignedUrlExpiry } from "./signed-url-expiry.ts";

/** Where the app serves local objects; signed URLs point here. */
export const UPLOADS_ROUTE_PREFIX = "/api/v1/uploads/";

/**
 * The URL path for `key` under the uploads route, each segment percent-encoded.
 * The signature of a local signed URL covers exactly this (encoded) path, so the
 * app verifies against the raw request pathname.
 */
export function uploadUrlPath(key: string): string {
  return UPLOADS_ROUTE_PREFIX + assertSafeObjectKey(key).split("/").map(encodeURIComponent).join("/");
}

/** Where objects live and how signed URLs are built. */
export type LocalObjectStorageOptions = {
  /** Folder holding everything, e.g. `./.data/uploads`; created on first use. */
  root: string;
  /** The app's public base URL, e.g. `http://localhost:8000`. */
  publicUrl: string;
  /** HMAC secret for signed URLs (at least 32 characters). */
  signingSecret: string;
  /** Injected by tests to pin signed URL expiry. */
  now?: () => Date;
};

type Dirs = { objects: string; meta: string; tmp: string };
type Sidecar = { contentType: string };

/**
 * {@link ObjectStorage} in a local folder: the embedded twin of S3.
 *
 * Layout under `root`: `objects/<key>` holds the bytes (browsable), `meta/<key>.json`
 * the content type, `tmp/` in-flight writes. Writes go to `tmp/` and are renamed into
 * place, so readers never see half an object. Every path is resolved through
 * `realpath` and must stay under the root, so a symlink cannot lead outside it.
 * Unlike S3, a key cannot be both an object and a "folder" of others (`a` and `a/b`):
 * such a put is refused with `Conflict`.
 *
 * @example
 * const storage = new LocalObjectStorage({ root: "./.data/uploads", publicUrl, signingSecret });
 * await storage.put("ws/1/a.txt", new TextEncoder().encode("hi"), { contentType: "text/plain" });
 */
export class LocalObjectStorage implements ObjectStorage {
  readonly #root: string;
  readonly #publicUrl: string;
  readonly #secret: string;
  readonly #now: () => Date;
  #dirs: Promise<Dirs> | null = null;

  constructor(options: LocalObjectStorageOptions) {
    if (options.signingSecret.length < 32) throw new Error("LocalObjectStorage: signingSecret must be at least 32 characters");
    this.#root = resolve(options.root);
    this.#publicUrl = options.publicUrl;
    this.#secret = options.signingSecret;
    this.#now = options.now ?? (() => new Date());
  }

  async put(
    key: string,
    body: Uint8Array | ReadableStream<Uint8Array>,
    options: { contentType?: string } = {},
  ): Promise<StoredObjectInfo> {
    assertSafeObjectKey(key);
    const contentType = options.contentType === undefined ? contentTypeFromKey(key) : assertContentType(options.contentType);
    const dirs = await this.#ready();
    let target = await this.#writablePath(dirs.objects, key);
    let metaTarget = await this.#writablePath(dirs.meta, `${key}.json`);
    const tempData = join(dirs.tmp, `${randomUUID()}.data`);
    const tempMeta = join(dirs.tmp, `${randomUUID()}.json`);
    let out: WriteStream | undefined;
    try {
      if (body instanceof Uint8Array) await writeFile(tempData, body, { flag: "wx" });
      else {
        out = createWriteStream(tempData, { flags: "wx" });
        await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), out);
      }
      await writeFile(tempMeta, JSON.stringify({ contentType } satisfies Sidecar), { flag: "wx" });
      try {
        await rename(tempData, target);
        await rename(tempMeta, metaTarget);
      } catch (error) {
        // A concurrent delete may have pruned the (then empty) parent folder: recreate it once.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        target = await this.#writablePath(dirs.objects, key);
        metaTarget = await this.#writablePath(dirs.meta, `${key}.json`);
        await rename(tempData, target).catch((e: unknown) => ((e as NodeJS.ErrnoException).code === "ENOENT" ? undefined : Promise.reject(e)));
        await rename(tempMeta, metaTarget);
      }
    } catch (error) {
      // A body that fails at once can beat the file's open: wait until the stream has
      // closed its file, or the unlink would run first and the opened file would stay.
      if (out && !out.closed) await once(out, "close").catch(() => undefined);
      await Promise.all([unlink(tempData).catch(() => undefined), unlink(tempMeta).catch(() => undefined)]);
      throw mapFsError(error, key);
    }
    const stats = await stat(target);
    return { key, size: stats.size, contentType, lastModified: stats.mtime };
  }

  async get(key: string): Promise<StoredObject | null> {
    assertSafeObjectKey(key);
    const dirs = await this.#ready();
    const path = await this.#readablePath(dirs.objects, key);
    if (!path) return null;
    let handle;
    try {
      handle = await open(path, "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      return null;
    }
    const contentType = await this.#contentType(dirs, key);
    // The open handle keeps the bytes readable even if the object is deleted or replaced meanwhile.
    const body = Readable.toWeb(handle.createReadStream()) as unknown as ReadableStream<Uint8Array>;
    return { key, size: stats.size, contentType, lastModified: stats.mtime, body };
  }

  async head(key: string): Promise<StoredObjectInfo | null> {
    assertSafeObjectKey(key);
    const dirs = await this.#ready();
    const path = await this.#readablePath(dirs.objects, key);
    if (!path) return null;
    const stats = await stat(path).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
    if (!stats?.isFile()) return null;
    return { key, size: stats.size, contentType: await this.#contentType(dirs, key), lastModified: stats.mtime };
  }

  async delete(key: string): Promise<void> {
    assertSafeObjectKey(key);
    const dirs = await this.#ready();
    for (const [base, relative] of [
      [dirs.objects, key],
      [dirs.meta, `${key}.json`],
    ] as const) {
      const parent = await this.#readablePath(base, dirname(relative) === "." ? "" : dirname(relative));
      if (!parent) continue;
      const path = join(parent, relative.split("/").pop()!);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      await unlink(path).catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
      await pruneEmptyDirs(parent, base);
    }
  }

  async signedDownloadUrl(key: string, expiresInSeconds: number): Promise<string> {
    const path = uploadUrlPath(key);
    return buildSignedUrl(this.#secret, "GET", this.#publicUrl, path, assertSignedUrlExpiry(expiresInSeconds), this.#now()).url;
  }

  async signedUploadUrl(key: string, expiresInSeconds: number, contentType?: string): Promise<SignedUpload> {
    const path = uploadUrlPath(key);
    const headers: Record<string, string> = contentType === undefined ? {} : { "Content-Type": assertContentType(contentType) };
    const { url, expiresAt } = buildSignedUrl(
      this.#secret,
      "PUT",
      this.#publicUrl,
      path,
      assertSignedUrlExpiry(expiresInSeconds),
      this.#now(),
    );
    return { url, method: "PUT", headers, expiresAt };
  }

  async ping(): Promise<void> {
    const dirs = await this.#ready();
    await access(dirs.objects, constants.R_OK | constants.W_OK);
    await access(dirs.tmp, constants.R_OK | constants.W_OK);
  }

  #ready(): Promise<Dirs> {
    this.#dirs ??= (async () => {
      const dirs = { objects: join(this.#root, "objects"), meta: join(this.#root, "meta"), tmp: join(this.#root, "tmp") };
      await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
      // Real paths, so later containment checks compare like with like even if root itself is a symlink.
      return {
        objects: await realpath(dirs.objects),
        meta: await realpath(dirs.meta),
        tmp: await realpath(dirs.tmp),
      };
    })();
    this.#dirs.catch(() => {
      this.#dirs = null;
    });
    return this.#dirs;
  }

  /** The real path `relative` resolves to under `base`, or null when missing; refuses escapes. */
  async #readablePath(base: string, relative: string): Promise<string | null> {
    const lexical = resolve(base, relative);
    try {
      const real = await realpath(lexical);
      assertInside(real, base, relative, relative === "");
      return real;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /**
   * The path to rename a new file into: its parent folders are created, and the
   * nearest existing ancestor is checked first, because `mkdir -p` would happily
   * follow a symlinked folder out of the root.
   */
  async #writablePath(base: string, relative: string): Promise<string> {
    const parent = dirname(resolve(base, relative));
    let existing = parent;
    for (;;) {
      try {
        assertInside(await realpath(existing), base, relative, true);
        break;
      } catch (error) {
        if (!isMissing(error) || existing === base) throw mapFsError(error, relative);
        existing = dirname(existing);
      }
    }
    try {
      await mkdir(parent, { recursive: true });
      const realParent = await realpath(parent);
      assertInside(realParent, base, relative, true);
      return join(realParent, relative.split("/").pop()!);
    } catch (error) {
      throw mapFsError(error, relative);
    }
  }

  async #contentType(dirs: Dirs, key: string): Promise<string> {
    const path = await this.#readablePath(dirs.meta, `${key}.json`).catch(() => null);
    if (path) {
      try {
        const sidecar = JSON.parse(await readFile(path, "utf8")) as Partial<Sidecar>;
        if (typeof sidecar.contentType === "string") return sidecar.contentType;
      } catch {
        // A missing or damaged sidecar falls back to the extension.
      }
    }
    return contentTypeFromKey(key);
  }
}

function assertInside(real: string, base: string, key: string, allowBase: boolean): void {
  if ((allowBase && real === base) || real.startsWith(base + sep)) return;
  throw new Invalid(`object key ${JSON.stringify(key)} resolves outside the storage root`, [
    { field: "key", message: "resolves outside the storage root" },
  ]);
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/** File-vs-folder clashes (`a` and `a/b`) become `Conflict`; anything else passes through. */
function mapFsError(error: unknown, key: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOTDIR" || code === "EISDIR" || code === "EEXIST" || code === "ENOTEMPTY") {
    return new Conflict(`object key ${JSON.stringify(key)} clashes with an existing object or folder`, { key });
  }
  return error;
}

/** Removes now-empty folders from `dir` up to (not including) `base`. */
async function pruneEmptyDirs(dir: string, base: string): Promise<void> {
  let current = dir;
  while (current !== base && current.startsWith(base + sep)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or raced with a writer): stop
    }
    current = dirname(current);
  }
}
