import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { ObjectStorage, SignedUpload, StoredObject, StoredObjectInfo } from "../../core/ports/object-storage.ts";
import { assertSafeObjectKey } from "../../core/storage/object-key.ts";
import { assertContentType } from "./content-type-check.ts";
import { contentTypeFromKey, DEFAULT_CONTENT_TYPE } from "./content-type.ts";
import { assertSignedUrlExpiry } from "./signed-url-expiry.ts";

/** S3's smallest allowed multipart part (except the last). */
const MIN_PART_BYTES = 5 * 1024 * 1024;

/** Where the bucket is and how to reach it. */
export type S3ObjectStorageOptions = {
  bucket: string;
  region?: string;
  /** For S3-compatible stores (MinIO, R2, s3rver...), e.g. `http://127.0.0.1:9000`. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`); most S3-compatible stores need it. */
  forcePathStyle?: boolean;
  /** Static credentials; omitted means the SDK's default chain (env, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * Endpoint presigned URLs should point at when clients reach the store by another
   * address than the API does (e.g. `http://minio:9000` inside, `https://files.example.com` outside).
   */
  publicEndpoint?: string;
  /** Part size for streamed uploads (default 8 MiB, at least 5 MiB); a stream shorter than one part is a single PUT. */
  partSizeBytes?: number;
};

/**
 * {@link ObjectStorage} on any S3-compatible store via @aws-sdk/client-s3.
 * Bodies stream both ways: `get` hands back the response stream, and `put` of a
 * stream uploads it in parts (multipart) so memory stays bounded by one part.
 *
 * @example
 * const storage = new S3ObjectStorage({ bucket: "uploads", endpoint: "http://127.0.0.1:9000", forcePathStyle: true,
 *   credentials: { accessKeyId, secretAccessKey } });
 */
export class S3ObjectStorage implements ObjectStorage {
  readonly #client: S3Client;
  readonly #presignClient: S3Client;
  readonly #bucket: string;
  readonly #partSize: number;

  constructor(options: S3ObjectStorageOptions) {
    const config = (endpoint: string | undefined): S3ClientConfig => ({
      region: options.region ?? "us-east-1",
      endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      // The SDK's default CRC32 checksums (and aws-chunked streaming) are refused by many
      // S3-compatible stores and would leak into presigned URLs; send them only when required.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    this.#client = new S3Client(config(options.endpoint));
    this.#presignClient = options.publicEndpoint ? new S3Client(config(options.publicEndpoint)) : this.#client;
    this.#bucket = options.bucket;
    this.#partSize = Math.max(MIN_PART_BYTES, options.partSizeBytes ?? 8 * 1024 * 1024);
  }

  async put(
    key: string,
    body: Uint8Array | ReadableStream<Uint8Array>,
    options: { contentType?: string } = {},
  ): Promise<StoredObjectInfo> {
    assertSafeObjectKey(key);
    const contentType = options.contentType === undefined ? contentTypeFromKey(key) : assertContentType(options.contentType);
    const size =
      body instanceof Uint8Array
        ? await this.#putWhole(key, body, contentType)
        : await this.#putStream(key, body, contentType);
    const info = await this.head(key);
    return info ?? { key, size, contentType, lastModified: new Date() };
  }

  async get(key: string): Promise<StoredObject | null> {
    assertSafeObjectKey(key);
    try {
      const response = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      if (!response.Body) return null;
      return {
        key,
        size: response.ContentLength ?? 0,
        contentType: response.ContentType ?? DEFAULT_CONTENT_TYPE,
        lastModified: response.LastModified ?? new Date(0),
        body: response.Body.transformToWebStream() as ReadableStream<Uint8Array>,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<StoredObjectInfo | null> {
    assertSafeObjectKey(key);
    try {
      const response = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: key }));
      return {
        key,
        size: response.ContentLength ?? 0,
        contentType: response.ContentType ?? DEFAULT_CONTENT_TYPE,
        lastModified: response.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeObjectKey(key);
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async signedDownloadUrl(key: string, expiresInSeconds: number): Promise<string> {
    assertSafeObjectKey(key);
    return getSignedUrl(this.#presignClient, new GetObjectCommand({ Bucket: this.#bucket, Key: key }), {
      expiresIn: assertSignedUrlExpiry(expiresInSeconds),
    });
  }

  async signedUploadUrl(key: string, expiresInSeconds: number, contentType?: string): Promise<SignedUpload> {
    assertSafeObjectKey(key);
    const expiresIn = assertSignedUrlExpiry(expiresInSeconds);
    const checkedType = contentType === undefined ? undefined : assertContentType(contentType);
    const expiresAt = new Date(Date.now() + expiresIn * 1000);
    const url = await getSignedUrl(
      this.#presignClient,
      new PutObjectCommand({ Bucket: this.#bucket, Key: key, ContentType: checkedType }),
      // Signing the content type pins it: the client must upload exactly what was announced.
      { expiresIn, signableHeaders: checkedType ? new Set(["content-type"]) : undefined },
    );
    return { url, method: "PUT", headers: checkedType ? { "Content-Type": checkedType } : {}, expiresAt };
  }

  async ping(): Promise<void> {
    await this.#client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
  }

  /** Releases the SDK's sockets (the port has no close; the composition root may call this). */
  destroy(): void {
    this.#client.destroy();
    if (this.#presignClient !== this.#client) this.#presignClient.destroy();
  }

  async #putWhole(key: string, body: Uint8Array, contentType: string): Promise<number> {
    await this.#client.send(
      new PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.byteLength }),
    );
    return body.byteLength;
  }

  /** Reads up to one part ahead; short streams become one PUT, longer ones a multipart upload. */
  async #putStream(key: string, body: ReadableStream<Uint8Array>, contentType: string): Promise<number> {
    const reader = body.getReader();
    const nextPart = async (): Promise<Uint8Array | null> => {
      const chunks: Uint8Array[] = [];
      let length = 0;
      while (length < this.#partSize) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        length += value.byteLength;
      }
      return length === 0 ? null : Buffer.concat(chunks, length);
    };

    try {
      const first = await nextPart();
      if (!first || first.byteLength < this.#partSize) return await this.#putWhole(key, first ?? new Uint8Array(), contentType);

      const { UploadId } = await this.#client.send(
        new CreateMultipartUploadCommand({ Bucket: this.#bucket, Key: key, ContentType: contentType }),
      );
      try {
        const parts: Array<{ ETag: string | undefined; PartNumber: number }> = [];
        let size = 0;
        for (let part: Uint8Array | null = first, n = 1; part; part = await nextPart(), n++) {
          const { ETag } = await this.#client.send(
            new UploadPartCommand({
              Bucket: this.#bucket,
              Key: key,
              UploadId,
              PartNumber: n,
              Body: part,
              ContentLength: part.byteLength,
            }),
          );
          parts.push({ ETag, PartNumber: n });
          size += part.byteLength;
        }
        await this.#client.send(
          new CompleteMultipartUploadCommand({ Bucket: this.#bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }),
        );
        return size;
      } catch (error) {
        // Incomplete uploads are billed until aborted.
        await this.#client
          .send(new AbortMultipartUploadCommand({ Bucket: this.#bucket, Key: key, UploadId }))
          .catch(() => undefined);
        throw error;
      }
    } catch (error) {
      await reader.cancel(error).catch(() => undefined);
      throw error;
    } finally {
      reader.releaseLock();
    }
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}
