import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3ObjectStorage } from "../../../adapters/storage/s3-object-storage.ts";
import { sleep } from "../../contracts/harness.ts";
import { describeObjectStorageContract, readAll, streamOf } from "../../contracts/object-storage.contract.ts";

/** A real S3 API (s3rver) on a random port in a temp folder, with s3rver's fixed credentials. */
async function startS3(): Promise<{ endpoint: string; bucket: string; stop(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), "fos-s3rver-"));
  const bucket = `test-${randomUUID().slice(0, 8)}`;
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

function storageFor(s3: { endpoint: string; bucket: string }, extra: Partial<ConstructorParameters<typeof S3ObjectStorage>[0]> = {}) {
  return new S3ObjectStorage({ bucket: s3.bucket, endpoint: s3.endpoint, forcePathStyle: true, credentials, ...extra });
}

describeObjectStorageContract("s3 (s3rver)", async () => {
  const s3 = await startS3();
  const subject = storageFor(s3);
  return {
    subject,
    elapse: sleep,
    close: async () => {
      subject.destroy();
      await s3.stop();
    },
  };
});

describe("S3ObjectStorage specifics", () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let storage: S3ObjectStorage;
  beforeAll(async () => {
    s3 = await startS3();
    storage = storageFor(s3, { partSizeBytes: 5 * 1024 * 1024 });
  });
  afterAll(async () => {
    storage?.destroy();
    await s3?.stop();
  });

  it("serves a presigned download URL to a plain fetch", async () => {
    await storage.put("ws/1/hello world.txt", new TextEncoder().encode("presigned!"), { contentType: "text/plain" });
    const url = await storage.signedDownloadUrl("ws/1/hello world.txt", 60);
    expect(url).toContain("X-Amz-Signature=");
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(await response.text()).toBe("presigned!");

    // s3rver does not verify SigV4 signatures, so tampering cannot be tested here; check the signed terms instead.
    expect(new URL(url).searchParams.get("X-Amz-Expires")).toBe("60");
  });

  it("accepts a plain fetch PUT to a presigned upload URL", async () => {
    const upload = await storage.signedUploadUrl("ws/1/upload.json", 60, "application/json");
    // The content type is a signed header, so real S3 refuses an upload of another type.
    expect(new URL(upload.url).searchParams.get("X-Amz-SignedHeaders")).toBe("content-type;host");
    const response = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: "{\"ok\":true}" });
    expect(response.status).toBe(200);
    const got = await storage.get("ws/1/upload.json");
    expect(got?.contentType).toBe("application/json");
    expect(new TextDecoder().decode(await readAll(got!.body))).toBe("{\"ok\":true}");
  });

  it("uploads a stream longer than one part as a multipart upload", async () => {
    const chunk = new Uint8Array(1024 * 1024);
    const chunks = Array.from({ length: 11 }, (_, i) => chunk.map((_, j) => (i + j) % 251));
    const info = await storage.put("ws/1/multipart.bin", streamOf(chunks), { contentType: "application/octet-stream" });
    expect(info.size).toBe(11 * 1024 * 1024);
    const got = await storage.get("ws/1/multipart.bin");
    expect(Buffer.from(await readAll(got!.body)).equals(Buffer.concat(chunks))).toBe(true);
  });

  it("fails ping for a bucket that does not exist", async () => {
    const missing = storageFor({ endpoint: s3.endpoint, bucket: "no-such-bucket" });
    await expect(missing.ping()).rejects.toThrow();
    missing.destroy();
  });

  it("points presigned URLs at the public endpoint when one is set", async () => {
    const publicFacing = storageFor(s3, { publicEndpoint: "https://files.example.com" });
    const url = new URL(await publicFacing.signedDownloadUrl("ws/1/a.txt", 60));
    expect(url.origin).toBe("https://files.example.com");
    expect(url.pathname).toBe(`/${s3.bucket}/ws/1/a.txt`);
    publicFacing.destroy();
  });
});
