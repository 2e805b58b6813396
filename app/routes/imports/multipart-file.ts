import { Readable } from "node:stream";
import busboy from "busboy";
import { Invalid, PayloadTooLarge, UnsupportedMediaType } from "../../../core/errors.ts";

export type MultipartFile = { fileName: string; contentType: string | null; body: ReadableStream<Uint8Array> };

/**
 * The file part `field` of a multipart/form-data request, as a stream: the body is parsed
 * (busboy) while the caller reads the file, so an upload of hundreds of megabytes never sits
 * in memory (`Request.formData()` would buffer it whole). Resolves at the file part's headers.
 */
export function readMultipartFile(request: Request, field: string, maxBytes: number): Promise<MultipartFile> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    return Promise.reject(new UnsupportedMediaType("send the file as multipart/form-data with a `file` part"));
  }
  const length = Number(request.headers.get("content-length") ?? NaN);
  // The form's boundaries and other parts add a little; refuse what cannot fit before reading it.
  if (Number.isFinite(length) && length > maxBytes + 64 * 1024) {
    return Promise.reject(new PayloadTooLarge(`the file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB import limit`, { limit_bytes: maxBytes }));
  }
  if (!request.body) return Promise.reject(new Invalid("the form is empty", [{ field, message: "is required" }]));
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fields: 20, parts: 30 } });
    } catch (error) {
      reject(new Invalid(`the multipart form is malformed: ${error instanceof Error ? error.message : String(error)}`, [{ field, message: "malformed form" }]));
      return;
    }
    let found = false;
    parser.on("file", (name, stream, info) => {
      if (name !== field || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ fileName: info.filename || "upload", contentType: info.mimeType || null, body: Readable.toWeb(stream) as ReadableStream<Uint8Array> });
    });
    parser.on("error", (error: unknown) => reject(new Invalid(`the multipart form is malformed: ${error instanceof Error ? error.message : String(error)}`, [{ field, message: "malformed form" }])));
    parser.on("close", () => {
      if (!found) reject(new Invalid(`the form has no \`${field}\` file part`, [{ field, message: "is required" }]));
    });
    Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>).pipe(parser);
  });
}
