export type StoredObjectInfo = {
  key: string;
  size: number;
  contentType: string;
  lastModified: Date;
};

export type StoredObject = StoredObjectInfo & {
  body: ReadableStream<Uint8Array>;
};

export type SignedUpload = {
  url: string;
  method: "PUT";
  /** Headers the client must send with the upload. */
  headers: Record<string, string>;
  expiresAt: Date;
};

/**
 * Blob storage (S3-compatible in production; a local folder when embedded).
 * Keys are relative paths such as `ws/{workspaceId}/avatars/{id}.png`; a key
 * that is absolute or contains `..` segments is refused with `Invalid`.
 */
export interface ObjectStorage {
  put(
    key: string,
    body: Uint8Array | ReadableStream<Uint8Array>,
    options?: { contentType?: string },
  ): Promise<StoredObjectInfo>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  head(key: string): Promise<StoredObjectInfo | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** A URL that downloads the object without other credentials until it expires. */
  signedDownloadUrl(key: string, expiresInSeconds: number): Promise<string>;
  /** A URL that accepts one PUT of the object until it expires. */
  signedUploadUrl(key: string, expiresInSeconds: number, contentType?: string): Promise<SignedUpload>;
  ping(): Promise<void>;
}
