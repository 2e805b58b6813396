import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalObjectStorage, uploadUrlPath } from "../../../adapters/storage/local-object-storage.ts";
import { openObjectStorage } from "../../../adapters/storage/open-object-storage.ts";
import { Conflict, Invalid } from "../../../core/errors.ts";
import { verifyUrlSignature } from "../../../core/signing/url-signature.ts";
import { sleep } from "../../contracts/harness.ts";
import { describeObjectStorageContract, readAll, streamOf } from "../../contracts/object-storage.contract.ts";

const secret = "test-signing-secret-0123456789-abcdef";
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describeObjectStorageContract("local folder", async () => {
  const root = await mkdtemp(join(tmpdir(), "fos-local-storage-"));
  const subject = new LocalObjectStorage({ root, publicUrl: "http://localhost:8000", signingSecret: secret });
  return { subject, elapse: sleep, close: () => rm(root, { recursive: true, force: true }) };
});

describe("LocalObjectStorage specifics", () => {
  let root: string;
  let outside: string;
  let storage: LocalObjectStorage;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "fos-local-storage-"));
    outside = await mkdtemp(join(tmpdir(), "fos-outside-"));
    storage = new LocalObjectStorage({
      root,
      publicUrl: "https://api.example.com/",
      signingSecret: secret,
      now: () => new Date("2026-01-01T00:00:00Z"),
    });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it("signs download URLs for the app's GET route", async () => {
    const url = new URL(await storage.signedDownloadUrl("ws/1/my photo.png", 60));
    const exp = String(Date.parse("2026-01-01T00:00:00Z") / 1000 + 60);
    expect(url.origin + url.pathname).toBe("https://api.example.com/api/v1/uploads/ws/1/my%20photo.png");
    expect(url.pathname).toBe(uploadUrlPath("ws/1/my photo.png"));
    expect(url.searchParams.get("exp")).toBe(exp);
    const sig = url.searchParams.get("sig")!;
    const at = new Date("2026-01-01T00:00:30Z");
    expect(verifyUrlSignature(secret, "GET", url.pathname, exp, sig, at)).toBe("valid");
    expect(verifyUrlSignature(secret, "PUT", url.pathname, exp, sig, at)).toBe("invalid");
    expect(verifyUrlSignature(secret, "GET", url.pathname, exp, sig, new Date("2026-01-01T00:02:00Z"))).toBe("expired");
  });

  it("signs upload URLs for the app's PUT route", async () => {
    const upload = await storage.signedUploadUrl("ws/1/a.csv", 120, "text/csv");
    const url = new URL(upload.url);
    expect(url.pathname).toBe("/api/v1/uploads/ws/1/a.csv");
    expect(upload.expiresAt).toEqual(new Date("2026-01-01T00:02:00Z"));
    expect(upload.headers).toEqual({ "Content-Type": "text/csv" });
    const check = verifyUrlSignature(secret, "PUT", url.pathname, url.searchParams.get("exp")!, url.searchParams.get("sig")!, new Date("2026-01-01T00:01:00Z"));
    expect(check).toBe("valid");
  });

  it("keeps objects browsable under objects/ and content types in a sidecar", async () => {
    await storage.put("ws/2/note.txt", text("hi"), { contentType: "text/markdown" });
    expect(await readdir(join(root, "objects", "ws", "2"))).toEqual(["note.txt"]);
    expect((await storage.head("ws/2/note.txt"))?.contentType).toBe("text/markdown");
  });

  it("infers the content type of a file dropped in without a sidecar", async () => {
    await mkdir(join(root, "objects", "dropped"), { recursive: true });
    await writeFile(join(root, "objects", "dropped", "map.geojson"), "{}");
    expect((await storage.head("dropped/map.geojson"))?.contentType).toBe("application/geo+json");
  });

  it("leaves the old object and no temp file behind when a streamed put fails", async () => {
    await storage.put("ws/3/keep.txt", text("original"));
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(text("partial"));
        controller.error(new Error("client went away"));
      },
    });
    await expect(storage.put("ws/3/keep.txt", failing)).rejects.toThrow("client went away");
    const got = await storage.get("ws/3/keep.txt");
    expect(new TextDecoder().decode(await readAll(got!.body))).toBe("original");
    expect(await readdir(join(root, "tmp"))).toEqual([]);
  });

  it("keeps serving a body that was opened before the object was deleted", async () => {
    await storage.put("ws/4/v.txt", text("still here"));
    const got = await storage.get("ws/4/v.txt");
    await storage.delete("ws/4/v.txt");
    expect(new TextDecoder().decode(await readAll(got!.body))).toBe("still here");
    // Empty folders are pruned after the last object goes.
    expect(await readdir(join(root, "objects", "ws"))).not.toContain("4");
  });

  it("refuses, as Conflict, an object where a folder of objects is (and vice versa)", async () => {
    await storage.put("ws/5/a/b.txt", text("x"));
    await expect(storage.put("ws/5/a", text("y"))).rejects.toBeInstanceOf(Conflict);
    await storage.put("ws/5/file", text("z"));
    await expect(storage.put("ws/5/file/child", text("w"))).rejects.toBeInstanceOf(Conflict);
  });

  it("never follows a symlink out of the root", async () => {
    await writeFile(join(outside, "secret.txt"), "top secret");
    await mkdir(join(root, "objects", "evil"), { recursive: true });
    await symlink(outside, join(root, "objects", "evil", "link"));
    await symlink(join(outside, "secret.txt"), join(root, "objects", "evil", "file-link"));

    await expect(storage.get("evil/link/secret.txt")).rejects.toBeInstanceOf(Invalid);
    await expect(storage.head("evil/file-link")).rejects.toBeInstanceOf(Invalid);
    await expect(storage.put("evil/link/new.txt", text("x"))).rejects.toBeInstanceOf(Invalid);
    await expect(storage.put("evil/link/deeper/new.txt", text("x"))).rejects.toBeInstanceOf(Invalid);
    await expect(storage.delete("evil/link/secret.txt")).rejects.toBeInstanceOf(Invalid);
    expect(await readdir(outside)).toEqual(["secret.txt"]);
  });

  it("refuses a short signing secret", () => {
    expect(() => new LocalObjectStorage({ root, publicUrl: "http://x", signingSecret: "short" })).toThrow(/32/);
  });

  it("streams a larger body chunk by chunk", async () => {
    const chunks = Array.from({ length: 64 }, (_, i) => new Uint8Array(64 * 1024).fill(i));
    const info = await storage.put("ws/6/large.bin", streamOf(chunks));
    expect(info.size).toBe(64 * 64 * 1024);
    const got = await storage.get("ws/6/large.bin");
    let received = 0;
    for await (const chunk of got!.body as unknown as AsyncIterable<Uint8Array>) received += chunk.byteLength;
    expect(received).toBe(info.size);
  });
});

describe("openObjectStorage", () => {
  it("chooses the local folder without a bucket", async () => {
    const root = await mkdtemp(join(tmpdir(), "fos-open-storage-"));
    try {
      const opened = await openObjectStorage({ s3: { bucket: undefined }, local: { root, publicUrl: "http://x", signingSecret: secret } });
      expect(opened.kind).toBe("local");
      await opened.storage.put("a.txt", text("a"));
      await opened.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("chooses S3 when a bucket is configured", async () => {
    const opened = await openObjectStorage({
      s3: { bucket: "b", endpoint: "http://127.0.0.1:1", accessKeyId: "k", secretAccessKey: "s", forcePathStyle: true },
      local: { root: "/nonexistent", publicUrl: "http://x", signingSecret: secret },
    });
    expect(opened.kind).toBe("s3");
    expect(await opened.storage.signedDownloadUrl("a.txt", 60)).toMatch(/^http:\/\/127\.0\.0\.1:1\/b\/a\.txt\?/);
    await opened.close();
  });
});
