import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "../../core/errors.ts";
import type { ObjectStorage } from "../../core/ports/object-storage.ts";
import { uniqueKey, type ContractHarness } from "./harness.ts";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Reads a whole stream (the port hands bodies out as web streams). */
export async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** A web stream that yields `chunks` one by one, as an upload from a request body would. */
export function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/** Keys the port must refuse with `Invalid` before touching storage. */
export const unsafeKeys = ["", "/etc/passwd", "../escape", "a/../../b", "a//b", "a/./b", "a\\b", "a\u0000b", "trailing/"];

/** The behaviour every {@link ObjectStorage} adapter must show. */
export function describeObjectStorageContract(
  name: string,
  make: () => Promise<ContractHarness<ObjectStorage>>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`ObjectStorage contract: ${name}`, () => {
    let h: ContractHarness<ObjectStorage>;
    let s: ObjectStorage;
    beforeAll(async () => {
      h = await make();
      s = h.subject;
    });
    afterAll(async () => {
      await h?.close();
    });
    const key = (file: string): string => `${uniqueKey("ws").replace(":", "/")}/${file}`;

    it("puts bytes and reads them back with head and get", async () => {
      const k = key("hello.txt");
      const before = Date.now();
      const info = await s.put(k, text("hello world"), { contentType: "text/plain" });
      expect(info).toMatchObject({ key: k, size: 11, contentType: "text/plain" });
      expect(info.lastModified).toBeInstanceOf(Date);
      // Stores round times to the second.
      expect(info.lastModified.getTime()).toBeGreaterThan(before - 5000);

      const head = await s.head(k);
      expect(head).toMatchObject({ key: k, size: 11, contentType: "text/plain" });

      const got = await s.get(k);
      expect(got).toMatchObject({ key: k, size: 11, contentType: "text/plain" });
      expect(new TextDecoder().decode(await readAll(got!.body))).toBe("hello world");
    });

    it("infers the content type from the extension when none is given", async () => {
      const png = key("pic.png");
      const unknown = key("blob.bin-x");
      await s.put(png, new Uint8Array([137, 80, 78, 71]));
      await s.put(unknown, new Uint8Array([1]));
      expect((await s.head(png))?.contentType).toBe("image/png");
      expect((await s.head(unknown))?.contentType).toBe("application/octet-stream");
    });

    it("replaces an object on a second put", async () => {
      const k = key("doc.json");
      await s.put(k, text("{\"v\":1}"), { contentType: "application/json" });
      await s.put(k, text("second version"), { contentType: "text/plain; charset=utf-8" });
      const got = await s.get(k);
      expect(got?.contentType).toBe("text/plain; charset=utf-8");
      expect(new TextDecoder().decode(await readAll(got!.body))).toBe("second version");
    });

    it("stores an empty object", async () => {
      const k = key("empty.txt");
      expect((await s.put(k, new Uint8Array())).size).toBe(0);
      const got = await s.get(k);
      expect(got?.size).toBe(0);
      expect((await readAll(got!.body)).byteLength).toBe(0);
    });

    it("streams a body in and out unchanged", async () => {
      const k = key("big.bin");
      const chunks = Array.from({ length: 40 }, (_, i) => new Uint8Array(32 * 1024).fill(i));
      const info = await s.put(k, streamOf(chunks), { contentType: "application/octet-stream" });
      expect(info.size).toBe(40 * 32 * 1024);
      const got = await s.get(k);
      const bytes = await readAll(got!.body);
      expect(bytes.byteLength).toBe(40 * 32 * 1024);
      expect(bytes[0]).toBe(0);
      expect(bytes[bytes.byteLength - 1]).toBe(39);
      expect(Buffer.from(bytes).equals(Buffer.concat(chunks))).toBe(true);
    });

    it("answers null for missing objects and deletes idempotently", async () => {
      const k = key("missing.txt");
      expect(await s.get(k)).toBeNull();
      expect(await s.head(k)).toBeNull();
      await expect(s.delete(k)).resolves.toBeUndefined();
    });

    it("deletes an object", async () => {
      const k = key("gone.txt");
      await s.put(k, text("x"));
      await s.delete(k);
      expect(await s.get(k)).toBeNull();
      expect(await s.head(k)).toBeNull();
    });

    it("does not treat a key prefix as an object", async () => {
      const k = key("folder/inner.txt");
      await s.put(k, text("x"));
      const prefix = k.slice(0, k.lastIndexOf("/"));
      expect(await s.head(prefix)).toBeNull();
      expect(await s.get(prefix)).toBeNull();
      await s.delete(prefix);
      expect(await s.head(k)).not.toBeNull();
    });

    it("keeps keys with spaces and unicode", async () => {
      const k = key("my file é ü+%#?.txt");
      await s.put(k, text("unicode"));
      expect((await s.head(k))?.size).toBe(7);
      const got = await s.get(k);
      expect(new TextDecoder().decode(await readAll(got!.body))).toBe("unicode");
    });

    it("refuses unsafe keys in every operation", async () => {
      for (const bad of unsafeKeys) {
        await expect(s.put(bad, text("x")), bad).rejects.toBeInstanceOf(Invalid);
        await expect(s.get(bad), bad).rejects.toBeInstanceOf(Invalid);
        await expect(s.head(bad), bad).rejects.toBeInstanceOf(Invalid);
        await expect(s.delete(bad), bad).rejects.toBeInstanceOf(Invalid);
        await expect(s.signedDownloadUrl(bad, 60), bad).rejects.toBeInstanceOf(Invalid);
        await expect(s.signedUploadUrl(bad, 60), bad).rejects.toBeInstanceOf(Invalid);
      }
    });

    it("refuses a content type that could inject headers", async () => {
      await expect(s.put(key("x.txt"), text("x"), { contentType: "text/plain\r\nX-Evil: 1" })).rejects.toBeInstanceOf(Invalid);
      await expect(s.signedUploadUrl(key("x.txt"), 60, "nonsense")).rejects.toBeInstanceOf(Invalid);
    });

    it("builds signed download and upload URLs that name the key and expire", async () => {
      const k = key("report 1.pdf");
      await s.put(k, text("%PDF"), { contentType: "application/pdf" });
      const download = new URL(await s.signedDownloadUrl(k, 300));
      expect(download.protocol).toMatch(/^https?:$/);
      expect(download.pathname).toContain(k.split("/").map(encodeURIComponent).join("/"));

      const before = Date.now();
      const upload = await s.signedUploadUrl(k, 600, "application/pdf");
      expect(upload.method).toBe("PUT");
      expect(upload.headers).toEqual({ "Content-Type": "application/pdf" });
      expect(new URL(upload.url).pathname).toBe(download.pathname);
      expect(upload.url).not.toBe(download.toString());
      const expires = upload.expiresAt.getTime();
      expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 599_000);
      expect(expires).toBeLessThanOrEqual(Date.now() + 601_000);
      expect((await s.signedUploadUrl(k, 60)).headers).toEqual({});
    });

    it("refuses signed URL lifetimes outside 1 second to 7 days", async () => {
      const k = key("a.txt");
      await expect(s.signedDownloadUrl(k, 0)).rejects.toBeInstanceOf(Invalid);
      await expect(s.signedDownloadUrl(k, 8 * 24 * 3600)).rejects.toBeInstanceOf(Invalid);
      await expect(s.signedUploadUrl(k, 1.5)).rejects.toBeInstanceOf(Invalid);
    });

    it("answers ping", async () => {
      await expect(s.ping()).resolves.toBeUndefined();
    });
  });
}
