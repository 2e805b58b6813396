import type { Actor } from "../auth/actor.ts";
import { Invalid, NotFound, PayloadTooLarge } from "../errors.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import type { TabularFileReader, TabularFormat } from "../ports/tabular-file-reader.ts";
import { analyzeFile, type FileAnalysis } from "./analyze-file.ts";
import { analysisKeyOf, checkImportFile, fileUriOf, newImportFileKey, resolveFileUri } from "./import-file-uri.ts";
import { requireImportWriter, type ImportDeps } from "./import-deps.ts";

/** An upload with its analysis, as the upload and analyze routes return it. */
export type AnalyzedImportFile = { fileUri: string; fileName: string; format: TabularFormat; sizeBytes: number; analysis: FileAnalysis };

const mib = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** Counts bytes and errors the stream with `PayloadTooLarge` past `maxBytes`, so storage never keeps more. */
function limited(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new PayloadTooLarge(`the file is larger than the ${mib(maxBytes)} import limit`, { limit_bytes: maxBytes }));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** Reads the stored file once, streaming, and keeps the analysis beside it (create-from-import reads it back). */
async function analyzeStored(deps: { storage: ObjectStorage; tabularFiles: TabularFileReader }, key: string, format: TabularFormat, maxBytes: number): Promise<FileAnalysis> {
  const object = await deps.storage.get(key);
  if (!object) throw new NotFound("file", fileUriOf(key));
  const analysis = await analyzeFile({ files: deps.tabularFiles }, object.body, { format, maxBytes });
  await deps.storage.put(analysisKeyOf(key), new TextEncoder().encode(JSON.stringify(analysis)), { contentType: "application/json" });
  return analysis;
}

/**
 * `uploadImportFile`: streams an upload to object storage under the workspace's import prefix
 * (never whole in memory), then analyzes it: headers, inferred types, row counts. A file over
 * `maxBytes` is 413 and an unreadable one (empty, not a workbook...) 422; neither is kept.
 */
export async function uploadImportFile(
  deps: Pick<ImportDeps, "storage" | "tabularFiles">,
  actor: Actor,
  input: { fileName: string; contentType: string | null; body: ReadableStream<Uint8Array>; maxBytes: number },
): Promise<AnalyzedImportFile> {
  requireImportWriter(actor);
  const ws = workspaceOf(actor);
  const format = checkImportFile(input.fileName, input.contentType);
  const key = newImportFileKey(ws.id, input.fileName);
  try {
    const stored = await deps.storage.put(key, limited(input.body, input.maxBytes), { contentType: "application/octet-stream" });
    if (stored.size === 0) throw new Invalid("the file is empty", [{ field: "file", message: "is empty" }]);
    const analysis = await analyzeStored(deps, key, format, input.maxBytes);
    return { fileUri: fileUriOf(key), fileName: key.split("/").pop()!, format, sizeBytes: stored.size, analysis };
  } catch (error) {
    await deps.storage.delete(key).catch(() => undefined);
    await deps.storage.delete(analysisKeyOf(key)).catch(() => undefined);
    throw error;
  }
}

/** `analyzeImportFile`: the analysis of an already uploaded file (e.g. one PUT through a signed URL). */
export async function analyzeImportFile(deps: Pick<ImportDeps, "storage" | "tabularFiles">, actor: Actor, input: { fileUri: string; maxBytes: number }): Promise<AnalyzedImportFile> {
  requireImportWriter(actor);
  const ws = workspaceOf(actor);
  const file = resolveFileUri(ws.id, input.fileUri);
  const info = await deps.storage.head(file.key);
  if (!info) throw new NotFound("file", input.fileUri);
  if (info.size > input.maxBytes) throw new PayloadTooLarge(`the file is larger than the ${mib(input.maxBytes)} import limit`, { limit_bytes: input.maxBytes });
  const analysis = await analyzeStored(deps, file.key, file.format, input.maxBytes);
  return { fileUri: input.fileUri, fileName: file.fileName, format: file.format, sizeBytes: info.size, analysis };
}

/** The stored analysis of an upload, when there is one (written by upload/analyze). */
export async function storedAnalysis(storage: ObjectStorage, fileKey: string): Promise<FileAnalysis | null> {
  const object = await storage.get(analysisKeyOf(fileKey));
  if (!object) return null;
  try {
    return JSON.parse(await new Response(object.body).text()) as FileAnalysis;
  } catch {
    return null;
  }
}

/**
 * `createImportUploadUrl`: a presigned PUT for a browser to upload straight to storage, and
 * the `file_uri` to analyze/import afterwards. The size limit is enforced when the file is read.
 */
export async function createImportUploadUrl(
  deps: Pick<ImportDeps, "storage" | "now">,
  actor: Actor,
  input: { fileName: string; contentType: string | null; ttlSeconds: number },
): Promise<{ uploadUrl: string; method: "PUT"; headers: Record<string, string>; expiresAt: Date; fileUri: string }> {
  requireImportWriter(actor);
  const ws = workspaceOf(actor);
  checkImportFile(input.fileName, input.contentType, "filename");
  const key = newImportFileKey(ws.id, input.fileName);
  const signed = await deps.storage.signedUploadUrl(key, input.ttlSeconds, input.contentType ?? undefined);
  return { uploadUrl: signed.url, method: signed.method, headers: signed.headers, expiresAt: signed.expiresAt, fileUri: fileUriOf(key) };
}
