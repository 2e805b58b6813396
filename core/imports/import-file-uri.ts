import { safeFileName } from "../storage/object-key.ts";
import { Invalid, NotFound } from "../errors.ts";
import { newId } from "../ids.ts";
import type { TabularFormat } from "../ports/tabular-file-reader.ts";

/**
 * Uploaded import files live under `workspaces/<workspaceId>/imports/<uuid>/<safe-name>`, and
 * the API names them `upload:<key>`. Every use of a file URI checks the key is under the
 * caller's own workspace prefix, so a URI can never reach another tenant's file (it answers
 * 404, as for any id of another workspace).
 */
const SCHEME = "upload:";

const extensions: Record<string, TabularFormat> = { csv: "csv", tsv: "csv", txt: "csv", xlsx: "xlsx", json: "json", geojson: "geojson" };

/** Content types browsers and tools send for these files (octet-stream: many send nothing better). */
const contentTypes: Record<TabularFormat, readonly string[]> = {
  csv: ["text/csv", "text/plain", "text/tab-separated-values", "application/csv", "application/vnd.ms-excel", "application/octet-stream"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "application/octet-stream"],
  json: ["application/json", "text/json", "text/plain", "application/octet-stream"],
  geojson: ["application/geo+json", "application/json", "text/plain", "application/octet-stream"],
};

export const acceptedExtensions = Object.keys(extensions).map((e) => `.${e}`);

/** The format of a file name by its extension, or null. */
export function formatOfFileName(name: string): TabularFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? (extensions[ext] ?? null) : null;
}

/**
 * The format of an upload, checked by extension and declared content type; `Invalid` names
 * the field when either is not one we read (.csv .xlsx .json .geojson).
 */
export function checkImportFile(name: string, contentType: string | null | undefined, field = "file"): TabularFormat {
  const format = formatOfFileName(name);
  if (!format) throw new Invalid(`"${name}" is not a file we can import: use ${acceptedExtensions.join(", ")}`, [{ field, message: "unsupported file extension" }]);
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && !contentTypes[format].includes(type)) {
    throw new Invalid(`a ${format} file cannot have the content type "${type}"`, [{ field, message: `content type ${type} does not match a .${format} file` }]);
  }
  return format;
}


export function workspaceImportPrefix(workspaceId: string): string {
  return `workspaces/${workspaceId}/imports/`;
}

/** A new key for an upload of `name` in the workspace. */
export function newImportFileKey(workspaceId: string, name: string): string {
  return `${workspaceImportPrefix(workspaceId)}${newId()}/${safeFileName(name, "upload")}`;
}

export function fileUriOf(key: string): string {
  return `${SCHEME}${key}`;
}

/** Where the analysis of an upload is kept (read back by create-from-import for the inferred schema). */
export function analysisKeyOf(fileKey: string): string {
  return `${fileKey}.analysis.json`;
}

export type ImportFileRef = { key: string; fileName: string; format: TabularFormat };

const UPLOAD_KEY = /^workspaces\/([0-9a-f-]{36})\/imports\/([0-9a-f-]{36})\/([^/]+)$/i;

/**
 * The upload a `file_uri` names, when it is one of this workspace's: malformed URIs are 422
 * (`field`), another workspace's (or a path that is not an upload) 404.
 */
export function resolveFileUri(workspaceId: string, uri: string, field = "file_uri"): ImportFileRef {
  if (!uri.startsWith(SCHEME)) throw new Invalid("file_uri must be a URI returned by the upload endpoints (upload:...)", [{ field, message: "must start with upload:" }]);
  const key = uri.slice(SCHEME.length);
  const match = UPLOAD_KEY.exec(key);
  if (!match || match[1]!.toLowerCase() !== workspaceId.toLowerCase() || match[3]!.endsWith(".analysis.json")) throw new NotFound("file", uri);
  const fileName = match[3]!;
  const format = formatOfFileName(fileName);
  if (!format) throw new NotFound("file", uri);
  return { key, fileName, format };
}
