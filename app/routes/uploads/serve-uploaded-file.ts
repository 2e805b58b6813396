import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { NotFound } from "../../../core/errors.ts";
import type { StoredObjectInfo } from "../../../core/ports/object-storage.ts";
import { assertSafeObjectKey } from "../../../core/storage/object-key.ts";
import type { AppEnv } from "../../context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { signedUrl } from "../../middleware/auth/signed-url.ts";

const prefix = "/api/v1/uploads/";

const SignedQuery = z.object({
  exp: z.string().openapi({ description: "Expiry, unix seconds", example: "1767225600" }),
  sig: z.string().openapi({ description: "HMAC-SHA256 signature (base64url)" }),
});

const PathParams = z.object({
  path: z.string().openapi({ description: "Object key; may contain slashes", example: "ws/0190…/avatars/me.png" }),
});

export const serveUploadedFileRoute = defineRoute({
  method: "get",
  path: "/api/v1/uploads/{path}",
  operationId: "serveUploadedFile",
  tags: ["Uploads"],
  summary: "Serve a locally stored uploaded file (local development)",
  description:
    "Streams an object from storage. URLs come from the storage port (`signedDownloadUrl`), carry `exp` and `sig`, and work directly in `<img src>`. Keys that would escape the uploads folder are refused.",
  auth: "signed-url",
  request: { params: PathParams, query: SignedQuery },
  responses: {
    200: {
      description: "The file",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
  },
  errors: [404],
});

/** The object key from the request path (URL-decoded; the key may hold slashes). */
function objectKey(c: Context<AppEnv>): string {
  const raw = c.req.path.slice(prefix.length);
  let key: string;
  try {
    key = decodeURIComponent(raw);
  } catch {
    key = raw;
  }
  return assertSafeObjectKey(key);
}

function fileHeaders(info: StoredObjectInfo): Record<string, string> {
  return {
    "content-type": info.contentType,
    "content-length": String(info.size),
    "last-modified": info.lastModified.toUTCString(),
    "cache-control": "private, max-age=300",
    // Uploaded files are user content: never let a browser sniff them into HTML.
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  };
}

export function registerServeUploadedFile(app: OpenAPIHono<AppEnv>): void {
  // Registered by hand: zod-openapi's `{path}` would match one segment only,
  // while object keys span several. The route object still documents it.
  app.openAPIRegistry.registerPath(serveUploadedFileRoute);
  app.on(["GET", "HEAD"], `${prefix}*`, signedUrl(), async (c) => {
    const key = objectKey(c);
    const { storage } = c.get("services");
    if (c.req.method === "HEAD") {
      const info = await storage.head(key);
      if (!info) throw new NotFound("file", key);
      return new Response(null, { status: 200, headers: fileHeaders(info) });
    }
    const object = await storage.get(key);
    if (!object) throw new NotFound("file", key);
    return new Response(object.body, { status: 200, headers: fileHeaders(object) });
  });
}

export const putUploadedFileRoute = defineRoute({
  method: "put",
  path: "/api/v1/uploads/{path}",
  operationId: "putUploadedFile",
  tags: ["Uploads"],
  summary: "Upload a file through a signed upload URL (local storage)",
  description:
    "The target of `signedUploadUrl` when storage is the local folder (S3 presigned URLs go to the bucket instead). The body is the file; the size limit is BODY_LIMIT_BYTES.",
  auth: "signed-url",
  request: {
    params: PathParams,
    query: SignedQuery,
    body: { content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
  },
  responses: {
    201: {
      description: "Stored",
      content: {
        "application/json": {
          schema: z.object({ key: z.string(), size: z.number().int(), content_type: z.string() }),
        },
      },
    },
  },
  errors: [413],
});

export function registerPutUploadedFile(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerPath(putUploadedFileRoute);
  app.put(`${prefix}*`, signedUrl(), async (c) => {
    const key = objectKey(c);
    const body = c.req.raw.body ?? new Uint8Array();
    const contentType = c.req.header("content-type") ?? "application/octet-stream";
    const stored = await c.get("services").storage.put(key, body, { contentType });
    return c.json({ key: stored.key, size: stored.size, content_type: stored.contentType }, 201);
  });
}
